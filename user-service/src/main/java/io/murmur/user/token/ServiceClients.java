package io.murmur.user.token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

import io.murmur.user.config.UserProperties;
import io.murmur.user.config.UserProperties.ServiceClient;

/**
 * The services that may get service tokens, with the SHA-256 of each one's secret: the
 * secrets themselves are not kept, and a presented secret is compared with
 * {@link MessageDigest#isEqual constant-time} equality of hashes. The secrets are long
 * random strings, so a fast hash is enough; a slow password hash would only slow every
 * token request down.
 */
@Component
class ServiceClients {

	private static final Log log = LogFactory.getLog(ServiceClients.class);

	private static final String HASHED = "{sha256}";

	/** Compared against when the client is unknown, so that both cases take as long. */
	private static final byte[] UNKNOWN = new byte[32];

	private final Map<String, byte[]> secretHashes = new LinkedHashMap<>();

	ServiceClients(UserProperties properties) {
		for (ServiceClient client : properties.serviceClients()) {
			if (this.secretHashes.put(client.id(), hashOf(client)) != null) {
				throw new IllegalStateException("Service client '" + client.id() + "' is configured twice");
			}
		}
		if (this.secretHashes.isEmpty()) {
			log.info("No service clients are configured (murmur.user.service-clients): no service can get a"
					+ " service token");
		}
		else {
			log.info("Service clients that may get service tokens: " + this.secretHashes.keySet());
		}
	}

	/**
	 * Checks a client's credentials.
	 * @param clientId the client id
	 * @param secret the secret presented
	 * @return whether the client is known and the secret is its own
	 */
	boolean authenticate(String clientId, String secret) {
		byte[] expected = this.secretHashes.get(clientId);
		boolean matches = MessageDigest.isEqual((expected != null) ? expected : UNKNOWN, sha256(secret));
		return expected != null && matches;
	}

	private static byte[] hashOf(ServiceClient client) {
		String secret = client.secret();
		if (!secret.startsWith(HASHED)) {
			return sha256(secret);
		}
		byte[] hash = parseHex(secret.substring(HASHED.length()));
		if (hash == null || hash.length != 32) {
			throw new IllegalStateException("The secret of service client '" + client.id() + "' starts with " + HASHED
					+ " but is not followed by 64 hex digits");
		}
		return hash;
	}

	private static byte @Nullable [] parseHex(String hex) {
		try {
			return HexFormat.of().parseHex(hex);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static byte[] sha256(String secret) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
