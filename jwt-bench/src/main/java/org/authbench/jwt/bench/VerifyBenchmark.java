package org.authbench.jwt.bench;

import java.security.Key;
import java.security.KeyPair;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import javax.crypto.SecretKey;

import io.jsonwebtoken.Claims;
import io.jsonwebtoken.JwtParser;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.LocatorAdapter;
import io.jsonwebtoken.ProtectedHeader;
import io.jsonwebtoken.security.Jwks;
import io.jsonwebtoken.security.SecurityException;
import io.jsonwebtoken.security.SignatureAlgorithm;
import io.jsonwebtoken.security.SecureDigestAlgorithm;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of verifying one access token as jwt-app does it: a parser with the algorithm
 * pinned per key, found by {@code kid}, issuer/audience/use required, no compression; the
 * token carries the same claims as jwt-app's. {@code sign} is the issuing side (login, refresh).
 *
 * <pre>
 * ./mvnw -B -pl jwt-bench -am package -DskipTests
 * java -jar jwt-bench/target/benchmarks.jar -f 1 -wi 2 -i 3 -w 2s -r 2s
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class VerifyBenchmark {

	private static final String KID = "bench-1";

	@Param({ "HS256", "RS256", "ES256", "EdDSA" })
	public String alg;

	private Key signingKey;

	private SecureDigestAlgorithm<Key, Key> algorithm;

	private String token;

	private JwtParser parser;

	@Setup
	@SuppressWarnings("unchecked")
	public void setUp() {
		Key verificationKey;
		if ("HS256".equals(this.alg)) {
			SecretKey secret = Jwts.SIG.HS256.key().build();
			this.signingKey = secret;
			verificationKey = secret;
			this.algorithm = (SecureDigestAlgorithm<Key, Key>) (SecureDigestAlgorithm<?, ?>) Jwts.SIG.HS256;
		}
		else {
			SignatureAlgorithm signature = (SignatureAlgorithm) Jwts.SIG.get().get(this.alg);
			// Ed25519 for EdDSA (jjwt's EdDSA default key pair would be Ed448), as jwt-app generates.
			KeyPair pair = "EdDSA".equals(this.alg) ? Jwks.CRV.Ed25519.keyPair().build() : signature.keyPair().build();
			this.signingKey = pair.getPrivate();
			verificationKey = pair.getPublic();
			this.algorithm = (SecureDigestAlgorithm<Key, Key>) (SecureDigestAlgorithm<?, ?>) signature;
		}
		this.token = sign();
		String pinned = this.algorithm.getId();
		this.parser = Jwts.parser()
			.keyLocator(new LocatorAdapter<Key>() {
				@Override
				protected Key locate(ProtectedHeader header) {
					if (!KID.equals(header.getKeyId()) || !pinned.equals(header.getAlgorithm())) {
						throw new SecurityException("unknown kid or algorithm");
					}
					return verificationKey;
				}
			})
			.sig().clear().add(this.algorithm).and()
			.zip().clear().and()
			.requireIssuer("authbench")
			.requireAudience("authbench-api")
			.require("token_use", "access")
			.build();
	}

	@Benchmark
	public Claims verify() {
		return this.parser.parseSignedClaims(this.token).getPayload();
	}

	@Benchmark
	public String sign() {
		Instant now = Instant.now();
		return Jwts.builder()
			.header().keyId(KID).and()
			.id(UUID.randomUUID().toString())
			.subject("user0001")
			.issuer("authbench")
			.audience().add("authbench-api").and()
			.issuedAt(Date.from(now))
			.expiration(Date.from(now.plusSeconds(900)))
			.claim("roles", List.of("USER"))
			.claim("token_use", "access")
			.claim("fid", UUID.randomUUID().toString())
			.signWith(this.signingKey, this.algorithm)
			.compact();
	}
}
