package io.murmur.gateway;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

import io.murmur.reliability.auth.SigningKeys;

/**
 * Signs access tokens the way user-service does, with keys a test controls.
 */
final class TestTokens {

	static final String ISSUER = "murmur-user-service";

	static final String AUDIENCE = "murmur-api";

	private TestTokens() {
	}

	static RSAKey newKey(String keyId) {
		try {
			return new RSAKeyGenerator(2048).keyID(keyId).generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static String jwks(RSAKey... keys) {
		return new JWKSet(
				List.of(keys).stream().map(RSAKey::toPublicJWK).map((key) -> (com.nimbusds.jose.jwk.JWK) key).toList())
			.toString();
	}

	static String valid(RSAKey key, String userId) {
		return sign(key, userId, AUDIENCE, Instant.now().plus(Duration.ofMinutes(15)));
	}

	static String expired(RSAKey key, String userId) {
		return sign(key, userId, AUDIENCE, Instant.now().minus(Duration.ofMinutes(5)));
	}

	static String forAudience(RSAKey key, String userId, String audience) {
		return sign(key, userId, audience, Instant.now().plus(Duration.ofMinutes(15)));
	}

	static String sign(RSAKey key, String userId, String audience, Instant expiresAt) {
		return SigningKeys.sign(key, ISSUER, audience, userId, expiresAt);
	}

}
