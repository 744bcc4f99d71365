package org.authbench.jwt.bench;

import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The same HS256 access token as {@link VerifyBenchmark}'s, verified with Nimbus JOSE+JWT (the
 * library of Spring Security's resource server): parse, {@code kid} and algorithm pinned, MAC
 * checked, issuer/audience/use and expiry required.
 *
 * <pre>
 * java -jar jwt-bench/target/benchmarks.jar 'VerifyBenchmark.verify' -p alg=HS256 -f 1 -wi 3 -i 5
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class NimbusVerifyBenchmark {

	private static final String KID = "bench-1";

	private String token;

	private MACVerifier verifier;

	private DefaultJWTClaimsVerifier<?> claims;

	@Setup
	public void setUp() throws JOSEException {
		byte[] secret = new byte[32];
		new SecureRandom().nextBytes(secret);
		this.verifier = new MACVerifier(secret);
		Instant now = Instant.now();
		JWTClaimsSet set = new JWTClaimsSet.Builder().jwtID(UUID.randomUUID().toString())
			.subject("user0001")
			.issuer("authbench")
			.audience("authbench-api")
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plusSeconds(900)))
			.claim("roles", List.of("USER"))
			.claim("token_use", "access")
			.claim("fid", UUID.randomUUID().toString())
			.build();
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(KID).build(), set);
		jwt.sign(new MACSigner(secret));
		this.token = jwt.serialize();
		this.claims = new DefaultJWTClaimsVerifier<>("authbench-api",
				new JWTClaimsSet.Builder().issuer("authbench").claim("token_use", "access").build(),
				Set.of("exp", "sub", "jti"));
	}

	@Benchmark
	public JWTClaimsSet verify() throws ParseException, JOSEException, BadJWTException {
		SignedJWT jwt = SignedJWT.parse(this.token);
		JWSHeader header = jwt.getHeader();
		if (!KID.equals(header.getKeyID()) || !JWSAlgorithm.HS256.equals(header.getAlgorithm())
				|| !jwt.verify(this.verifier)) {
			throw new IllegalStateException("token rejected");
		}
		JWTClaimsSet set = jwt.getJWTClaimsSet();
		this.claims.verify(set, null);
		return set;
	}
}
