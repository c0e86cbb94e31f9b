package io.murmur.post;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

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
		JWTClaimsSet claims = new JWTClaimsSet.Builder().subject(userId)
			.issuer(ISSUER)
			.audience(audience)
			.issueTime(Date.from(expiresAt.minus(Duration.ofMinutes(15))))
			.expirationTime(Date.from(expiresAt))
			.jwtID(UUID.randomUUID().toString())
			.build();
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
		try {
			jwt.sign(new RSASSASigner(key));
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
		return jwt.serialize();
	}

}
