package io.murmur.user.token;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.core.io.ResourceLoader;
import org.springframework.util.StringUtils;

import io.murmur.user.config.UserProperties;

/**
 * The RSA keys of the service: the active one signs new access tokens, every one of them
 * verifies tokens and is published in the JWKS. Rotation is: add the new key, publish it
 * long enough for every verifier's JWKS cache to see it, make it active, and drop the old
 * one once the tokens it signed have expired.
 *
 * @param active the signing key, with its private half
 * @param verification the public halves of every key, the active one included
 */
record SigningKeys(RSAKey active, JWKSet verification) {

	private static final Log log = LogFactory.getLog(SigningKeys.class);

	private static final int MIN_KEY_BITS = 2048;

	/**
	 * Loads the configured keys, or generates a development key when none is configured.
	 * @param jwt the token properties
	 * @param resourceLoader where key files are read from
	 * @return the keys
	 */
	static SigningKeys load(UserProperties.Jwt jwt, ResourceLoader resourceLoader) {
		if (jwt.keys().isEmpty()) {
			return generated();
		}
		PemKeys pem = new PemKeys(resourceLoader);
		List<RSAKey> keys = new ArrayList<>();
		Set<String> ids = new LinkedHashSet<>();
		for (UserProperties.Jwt.Key key : jwt.keys()) {
			if (!ids.add(key.id())) {
				throw new IllegalStateException("JWT key id '" + key.id() + "' is configured twice");
			}
			keys.add(rsaKey(key, pem));
		}
		String activeId = activeKeyId(jwt, keys);
		RSAKey active = keys.stream()
			.filter((key) -> key.getKeyID().equals(activeId))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("The active JWT key '" + activeId + "' is not configured"));
		if (!active.isPrivate()) {
			throw new IllegalStateException("The active JWT key '" + activeId + "' has no private key");
		}
		log.info("Signing access tokens with key '" + activeId + "'; publishing " + ids.size() + " key(s) " + ids);
		return new SigningKeys(active, new JWKSet(keys.stream().<JWK>map(RSAKey::toPublicJWK).toList()));
	}

	private static String activeKeyId(UserProperties.Jwt jwt, List<RSAKey> keys) {
		if (StringUtils.hasText(jwt.activeKeyId())) {
			return jwt.activeKeyId();
		}
		if (keys.size() == 1) {
			return keys.get(0).getKeyID();
		}
		throw new IllegalStateException("Several JWT keys are configured: set murmur.user.jwt.active-key-id");
	}

	private static RSAKey rsaKey(UserProperties.Jwt.Key key, PemKeys pem) {
		try {
			RSAPrivateKey privateKey = StringUtils.hasText(key.privateKey()) ? pem.privateKey(key.privateKey()) : null;
			RSAPublicKey publicKey = StringUtils.hasText(key.publicKey()) ? pem.publicKey(key.publicKey())
					: (privateKey != null) ? PemKeys.publicKeyOf(privateKey) : null;
			if (publicKey == null) {
				throw new IllegalStateException("neither a private nor a public key is configured");
			}
			if (privateKey != null && !privateKey.getModulus().equals(publicKey.getModulus())) {
				throw new IllegalStateException("the private and public keys do not belong together");
			}
			if (publicKey.getModulus().bitLength() < MIN_KEY_BITS) {
				throw new IllegalStateException("RSA keys must have at least " + MIN_KEY_BITS + " bits");
			}
			return rsaKey(key.id(), publicKey, privateKey);
		}
		catch (RuntimeException ex) {
			throw new IllegalStateException("JWT key '" + key.id() + "': " + ex.getMessage(), ex);
		}
	}

	private static SigningKeys generated() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(MIN_KEY_BITS);
			KeyPair pair = generator.generateKeyPair();
			String id = "dev-" + UUID.randomUUID().toString().substring(0, 8);
			log.warn("No JWT signing key is configured (murmur.user.jwt.keys): generated the development key '" + id
					+ "'. Tokens will not survive a restart and other replicas will not accept them;"
					+ " configure a key for anything but a local run.");
			RSAKey key = rsaKey(id, (RSAPublicKey) pair.getPublic(), (RSAPrivateKey) pair.getPrivate());
			return new SigningKeys(key, new JWKSet(key.toPublicJWK()));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static RSAKey rsaKey(String id, RSAPublicKey publicKey, @Nullable RSAPrivateKey privateKey) {
		RSAKey.Builder builder = new RSAKey.Builder(publicKey).keyID(id)
			.keyUse(KeyUse.SIGNATURE)
			.algorithm(JWSAlgorithm.RS256);
		if (privateKey != null) {
			builder.privateKey(privateKey);
		}
		return builder.build();
	}

}
