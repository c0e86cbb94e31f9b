package io.murmur.localstack.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * A signing key for user-service's tokens, written once to a PEM file of the run. Without
 * a configured key user-service makes a new one each time it starts, so a user-service
 * that crashes and starts again would sign everyone out; a platform whose services are
 * restarted on purpose gives it this file instead, as production gives it a secret.
 */
public final class SigningKeyFile {

	private SigningKeyFile() {
	}

	/**
	 * Writes a new 2048-bit RSA private key (PKCS #8, PEM) and returns the properties
	 * that make user-service sign with it.
	 * @param userService user-service's definition
	 * @param file where the key goes; readable by the owner only
	 * @param keyId the key's id in tokens and in the published key set
	 * @return the service to start, with the key configured
	 */
	public static PlatformService configure(PlatformService userService, Path file, String keyId) {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			byte[] pkcs8 = generator.generateKeyPair().getPrivate().getEncoded();
			String pem = "-----BEGIN PRIVATE KEY-----\n"
					+ Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(pkcs8)
					+ "\n-----END PRIVATE KEY-----\n";
			Files.createDirectories(file.getParent());
			Files.writeString(file, pem);
			file.toFile().setReadable(false, false);
			file.toFile().setReadable(true, true);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return userService.withProperty("murmur.user.jwt.keys[0].id", keyId)
			.withProperty("murmur.user.jwt.keys[0].private-key", "file:" + file.toAbsolutePath());
	}

}
