package io.murmur.reliability.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.nio.charset.StandardCharsets;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.PlainJWT;
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
			case ALG_NONE -> new PlainJWT(SigningKeys.claims(issuer, audience, subject, later)).serialize();
			case BAD_SIGNATURE -> SigningKeys.sign(otherKey(key.getKeyID()), issuer, audience, subject, later);
			case EXPIRED -> SigningKeys.sign(key, issuer, audience, subject, Instant.now().minusSeconds(120));
			case WRONG_AUDIENCE -> SigningKeys.sign(key, issuer, "another-api", subject, later);
			case WRONG_ISSUER -> SigningKeys.sign(key, "https://issuer.example", audience, subject, later);
		};
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
