package io.murmur.acceptance;

import java.time.Instant;

import com.nimbusds.jose.jwk.RSAKey;

import io.murmur.reliability.auth.SigningKeys;

/**
 * Tokens a client must never get through, signed the way user-service signs.
 */
final class Tokens {

	static final String ISSUER = "murmur-user-service";

	static final String AUDIENCE = "murmur-api";

	private Tokens() {
	}

	static String sign(RSAKey key, String subject, String audience, Instant expiresAt) {
		return SigningKeys.sign(key, ISSUER, audience, subject, expiresAt);
	}

}
