package io.murmur.graph;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
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
 * Signs access tokens the way user-service does, with a key the tests control.
 */
public final class TestTokens {

	static final String ISSUER = "murmur-user-service";

	static final String AUDIENCE = "murmur-api";

	private static final RSAKey KEY = newKey("test-key");

	private TestTokens() {
	}

	public static RSAKey newKey(String keyId) {
		try {
			return new RSAKeyGenerator(2048).keyID(keyId).generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static String jwks() {
		return new JWKSet(KEY.toPublicJWK()).toString();
	}

	public static String valid(long userId) {
		return sign(KEY, Long.toString(userId), ISSUER, AUDIENCE, Instant.now().plus(Duration.ofMinutes(15)));
	}

	public static String sign(RSAKey key, String subject, String issuer, String audience, Instant expiresAt) {
		JWTClaimsSet claims = new JWTClaimsSet.Builder().subject(subject)
			.issuer(issuer)
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

	public static RSAKey key() {
		return KEY;
	}

}
