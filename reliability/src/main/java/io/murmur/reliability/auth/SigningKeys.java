package io.murmur.reliability.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;

import com.nimbusds.jose.jwk.RSAKey;

/**
 * The signing key of a platform under test, read from the PEM file its user-service signs
 * with, so that the auth matrix can forge the tokens only that key makes dangerous.
 */
public final class SigningKeys {

	private SigningKeys() {
	}

	/**
	 * Reads an RSA private key, PKCS #8 in PEM ({@code BEGIN PRIVATE KEY}), and derives
	 * its public half.
	 * @param file the PEM file
	 * @param keyId the key's id in tokens and in the published key set
	 * @return the key pair
	 * @throws IllegalArgumentException if the file holds no such key
	 */
	public static RSAKey read(Path file, String keyId) {
		String pem;
		try {
			pem = Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		String base64 = pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
		try {
			KeyFactory rsa = KeyFactory.getInstance("RSA");
			if (!(rsa.generatePrivate(new PKCS8EncodedKeySpec(
					Base64.getDecoder().decode(base64))) instanceof RSAPrivateCrtKey privateKey)) {
				throw new IllegalArgumentException(file + " holds no RSA key with its public exponent");
			}
			RSAPublicKey publicKey = (RSAPublicKey) rsa
				.generatePublic(new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
			return new RSAKey.Builder(publicKey).privateKey(privateKey).keyID(keyId).build();
		}
		catch (GeneralSecurityException | IllegalArgumentException ex) {
			throw new IllegalArgumentException(file + " holds no PKCS #8 RSA private key", ex);
		}
	}

}
