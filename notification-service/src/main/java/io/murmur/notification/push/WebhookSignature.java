package io.murmur.notification.push;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs deliveries the way the Standard Webhooks specification does, so that receivers
 * can use its libraries: the secret is {@value #PREFIX} and 32 random bytes in base64;
 * the signature is {@code v1,} and the base64 HMAC-SHA256, keyed with those bytes, of
 * {@code <webhook-id>.<webhook-timestamp>.<body>}.
 */
final class WebhookSignature {

	/** The prefix of secrets. */
	static final String PREFIX = "whsec_";

	/** The header with the message id, the same on every retry of a message. */
	static final String ID_HEADER = "webhook-id";

	/** The header with the time of the attempt, in seconds since the epoch. */
	static final String TIMESTAMP_HEADER = "webhook-timestamp";

	/** The header with the signature. */
	static final String SIGNATURE_HEADER = "webhook-signature";

	private static final SecureRandom random = new SecureRandom();

	private WebhookSignature() {
	}

	static String newSecret() {
		byte[] key = new byte[32];
		random.nextBytes(key);
		return PREFIX + Base64.getEncoder().encodeToString(key);
	}

	static String sign(String secret, String messageId, long timestamp, byte[] body) {
		byte[] key = Base64.getDecoder().decode(secret.substring(PREFIX.length()));
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			mac.update((messageId + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
			return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(body));
		}
		catch (NoSuchAlgorithmException | InvalidKeyException ex) {
			throw new IllegalStateException("HMAC-SHA256 is not available", ex);
		}
	}

}
