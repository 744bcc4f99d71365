package org.authbench.harness.stack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonProperty;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The variants and their configurations as data: {@code catalogue.yaml} beside this class, the one
 * place where the harness learns what each variant is (module, credential, what it keeps in Redis,
 * revocation, nginx mode, report wording) and what each configuration sets. {@link Variant} and
 * {@link Setup} are its entries; every other class asks them, never names one.
 *
 * @param variants every variant, in the file's order
 * @param setups every configuration, in the file's order
 * @param sets named lists of configurations ({@code compare}: what {@code compare} runs unless told)
 */
public record Catalogue(List<Variant> variants, List<Setup> setups, Map<String, List<Setup>> sets) {

	/** The catalogue of this build, read once. */
	static final String RESOURCE = "catalogue.yaml";

	private static final YAMLMapper YAML = YAMLMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	private static final class Holder {

		static final Catalogue CURRENT = read(Catalogue.class.getResource(RESOURCE));

	}

	public Catalogue {
		variants = List.copyOf(variants);
		setups = List.copyOf(setups);
		sets = Map.copyOf(sets);
	}

	/** This build's variants and configurations ({@code catalogue.yaml}). */
	public static Catalogue current() {
		return Holder.CURRENT;
	}

	/**
	 * A catalogue from one or more files, each adding variants, configurations and sets to those of
	 * the files before it (a configuration may name a variant of an earlier file).
	 */
	public static Catalogue read(URL... sources) {
		Map<String, Variant> variants = new LinkedHashMap<>();
		Map<String, Setup> setups = new LinkedHashMap<>();
		Map<String, List<String>> setNames = new LinkedHashMap<>();
		for (URL source : sources) {
			if (source == null) {
				throw new IllegalStateException("a catalogue of variants is not on the class path");
			}
			File file;
			try (InputStream in = source.openStream()) {
				file = YAML.readValue(in, File.class);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			for (VariantEntry entry : orEmpty(file.variants())) {
				add(variants, entry.id(), entry.toVariant(), source);
			}
			for (SetupEntry entry : orEmpty(file.configurations())) {
				Variant variant = variants.get(entry.variant());
				if (variant == null) {
					throw new IllegalStateException(source + ": configuration '" + entry.id() + "' names no known variant: '"
							+ entry.variant() + "'");
				}
				add(setups, entry.id(), entry.toSetup(variant), source);
			}
			if (file.sets() != null) {
				setNames.putAll(file.sets());
			}
		}
		Map<String, List<Setup>> sets = new LinkedHashMap<>();
		setNames.forEach((name, ids) -> sets.put(name, ids.stream().map(id -> find(setups, id, "configuration")).toList()));
		long references = variants.values().stream().filter(Variant::reference).count();
		if (references != 1) {
			throw new IllegalStateException("the catalogue needs exactly one reference variant, has " + references);
		}
		for (Setup setup : setups.values()) {
			if (setup.observabilityOfId() != null) {
				find(setups, setup.observabilityOfId(), "configuration");
			}
			setup.apply(StackSpec.builder(setup.variant(), Path.of(".")).build());
		}
		return new Catalogue(new ArrayList<>(variants.values()), new ArrayList<>(setups.values()), sets);
	}

	/** The variant named {@code id} (any case). */
	public Variant variant(String id) {
		return this.variants.stream()
			.filter(variant -> variant.id().equalsIgnoreCase(id.trim()))
			.findFirst()
			.orElseThrow(() -> unknown(id, this.variants.stream().map(Variant::id).toList()));
	}

	/** The configuration named {@code id} (any case). */
	public Setup setup(String id) {
		return this.setups.stream()
			.filter(setup -> setup.id().equalsIgnoreCase(id.trim()))
			.findFirst()
			.orElseThrow(() -> unknown(id, this.setups.stream().map(Setup::id).toList()));
	}

	/** A named list of configurations ({@code compare}, {@code trial}, {@code demo}). */
	public List<Setup> set(String name) {
		List<Setup> set = this.sets.get(name);
		if (set == null) {
			throw new IllegalArgumentException("no set of configurations named '" + name + "', expected one of: "
					+ String.join(", ", this.sets.keySet()));
		}
		return set;
	}

	/** The variant the report takes its ratios against. */
	public Variant reference() {
		return this.variants.stream().filter(Variant::reference).findFirst().orElseThrow();
	}

	/** The configuration a report row names, if it is one of this catalogue's. */
	public Optional<Setup> find(String id) {
		return this.setups.stream().filter(setup -> setup.id().equalsIgnoreCase(id.trim())).findFirst();
	}

	private static IllegalArgumentException unknown(String id, List<String> known) {
		return new IllegalArgumentException("unknown variant '" + id + "', expected one of: " + String.join(", ", known));
	}

	private static <T> void add(Map<String, T> entries, String id, T entry, URL source) {
		if (entries.putIfAbsent(id, entry) != null) {
			throw new IllegalStateException(source + ": '" + id + "' is defined twice");
		}
	}

	private static <T> T find(Map<String, T> entries, String id, String what) {
		T entry = entries.get(id);
		if (entry == null) {
			throw new IllegalStateException("the catalogue names an unknown " + what + ": '" + id + "'");
		}
		return entry;
	}

	private static <T> List<T> orEmpty(List<T> list) {
		return list == null ? List.of() : list;
	}

	/** The file as written. */
	private record File(List<VariantEntry> variants, List<SetupEntry> configurations, Map<String, List<String>> sets) {
	}

	private record VariantEntry(String id, String module, String credential, String redis, String nginx,
			Boolean reference, String route, String signingSecret, Boolean gateways, Lifetime accessTokenLifetime,
			Map<String, String> contextSettings, RevocationEntry revocation, String infrastructure) {

		Variant toVariant() {
			if (this.id == null || this.module == null || this.credential == null || this.nginx == null
					|| this.revocation == null || this.infrastructure == null) {
				throw new IllegalStateException("variant '" + this.id
						+ "' needs id, module, credential, nginx, revocation and infrastructure");
			}
			Map<String, Variant.RevocationMode> modes = new LinkedHashMap<>();
			this.revocation.modes().forEach((name, mode) -> modes.put(name, new Variant.RevocationMode(name,
					Boolean.TRUE.equals(mode.revokes()), mode.delay())));
			return new Variant(this.id, this.module, Variant.Credential.valueOf(this.credential.toUpperCase(Locale.ROOT)),
					this.redis, LbMode.parse(this.nginx), Boolean.TRUE.equals(this.reference), this.route,
					this.signingSecret, Boolean.TRUE.equals(this.gateways),
					this.accessTokenLifetime == null ? null
							: new Variant.Lifetime(this.accessTokenLifetime.setting(),
									this.accessTokenLifetime.defaultValue()),
					this.contextSettings == null ? Map.of() : this.contextSettings,
					new Variant.Revocation(this.revocation.setting(), this.revocation.defaultMode(), modes),
					this.infrastructure);
		}
	}

	private record Lifetime(String setting, @JsonProperty("default") String defaultValue) {
	}

	private record RevocationEntry(String setting, @JsonProperty("default") String defaultMode,
			Map<String, ModeEntry> modes) {
	}

	private record ModeEntry(Boolean revokes, String delay) {
	}

	private record SetupEntry(String id, String variant, String description, String nginx, Boolean redisHa,
			Map<String, String> settings, String observabilityOf) {

		Setup toSetup(Variant variant) {
			if (this.id == null || this.description == null) {
				throw new IllegalStateException("configuration '" + this.id + "' needs id, variant and description");
			}
			return new Setup(this.id, variant, this.nginx == null ? null : LbMode.parse(this.nginx),
					Boolean.TRUE.equals(this.redisHa), this.description, this.settings == null ? Map.of() : this.settings,
					this.observabilityOf);
		}
	}

	/** How a duration is written in the catalogue and in Spring's settings: {@code 15m}, {@code 90s}, {@code 8h}. */
	static Duration duration(String text) {
		String value = text.trim().toLowerCase(Locale.ROOT);
		long amount = Long.parseLong(value.substring(0, value.length() - 1));
		return switch (value.charAt(value.length() - 1)) {
			case 's' -> Duration.ofSeconds(amount);
			case 'm' -> Duration.ofMinutes(amount);
			case 'h' -> Duration.ofHours(amount);
			case 'd' -> Duration.ofDays(amount);
			default -> throw new IllegalArgumentException("not a duration (e.g. 15m): " + text);
		};
	}

	/** {@code 15 min}, {@code 90 s}: a duration as the report writes it. */
	static String words(Duration duration) {
		if (duration.toSecondsPart() == 0 && duration.toMinutes() > 0) {
			return duration.toMinutes() + " min";
		}
		return duration.toSeconds() + " s";
	}

	@Override
	public String toString() {
		return this.setups.stream().map(Setup::id).collect(Collectors.joining(", "));
	}
}
