package io.murmur.reliability.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.UUID;
import java.nio.charset.StandardCharsets;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import org.jspecify.annotations.Nullable;

/**
 * The tokens no route may accept, forged with the signing key of the platform under test
 * where that is what makes them dangerous (expired, wrong audience, wrong issuer).
 */
public enum BadToken {

	/** No {@code Authorization} header. */
	NONE,

	/** Not a JWT at all. */
	GARBAGE,

	/** An unsigned JWT ({@code alg: none}) with good claims. */
	ALG_NONE,

	/** Good claims signed by a key of the same id that the platform does not know. */
	BAD_SIGNATURE,

	/** Signed by the platform's key, expired two minutes ago. */
	EXPIRED,

	/** Signed by the platform's key, for another audience. */
	WRONG_AUDIENCE,

	/** Signed by the platform's key, by another issuer. */
	WRONG_ISSUER;

	/**
	 * The token of this kind.
	 * @param key the platform's signing key
	 * @param issuer the platform's issuer
	 * @param audience the platform's audience
	 * @param subject the user the token claims to be
	 * @return the token, or {@code null} for {@link #NONE}
	 */
	public @Nullable String token(RSAKey key, String issuer, String audience, String subject) {
		Instant later = Instant.now().plus(Duration.ofMinutes(10));
		return switch (this) {
			case NONE -> null;
			case GARBAGE -> "garbage." + Base64.getUrlEncoder().encodeToString("x".getBytes(StandardCharsets.UTF_8));
			case ALG_NONE -> new PlainJWT(claims(issuer, audience, subject, later)).serialize();
			case BAD_SIGNATURE -> sign(otherKey(key.getKeyID()), claims(issuer, audience, subject, later));
			case EXPIRED -> sign(key, claims(issuer, audience, subject, Instant.now().minusSeconds(120)));
			case WRONG_AUDIENCE -> sign(key, claims(issuer, "another-api", subject, later));
			case WRONG_ISSUER -> sign(key, claims("https://issuer.example", audience, subject, later));
		};
	}

	private static JWTClaimsSet claims(String issuer, String audience, String subject, Instant expiresAt) {
		return new JWTClaimsSet.Builder().subject(subject)
			.issuer(issuer)
			.audience(audience)
			.issueTime(Date.from(expiresAt.minus(Duration.ofMinutes(15))))
			.expirationTime(Date.from(expiresAt))
			.jwtID(UUID.randomUUID().toString())
			.build();
	}

	private static String sign(RSAKey key, JWTClaimsSet claims) {
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
		try {
			jwt.sign(new RSASSASigner(key));
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
		return jwt.serialize();
	}

	private static RSAKey otherKey(String keyId) {
		try {
			return new RSAKeyGenerator(2048).keyID(keyId).generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
