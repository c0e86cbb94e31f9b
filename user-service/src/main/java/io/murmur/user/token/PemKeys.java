package io.murmur.user.token;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

/**
 * Reads RSA keys from PEM: PKCS#8 private keys ({@code BEGIN PRIVATE KEY}, what
 * {@code openssl genpkey} writes) and X.509 public keys ({@code BEGIN PUBLIC KEY}). The
 * text is either the PEM itself or the location of a file holding it.
 */
final class PemKeys {

	private static final Pattern PEM = Pattern
		.compile("-----BEGIN ([A-Z ]+)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");

	private final ResourceLoader resourceLoader;

	PemKeys(ResourceLoader resourceLoader) {
		this.resourceLoader = resourceLoader;
	}

	RSAPrivateKey privateKey(String pemOrLocation) {
		byte[] der = der(pemOrLocation, "PRIVATE KEY");
		try {
			return (RSAPrivateKey) KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
		}
		catch (GeneralSecurityException | ClassCastException ex) {
			throw new IllegalStateException("Not a PKCS#8 RSA private key", ex);
		}
	}

	RSAPublicKey publicKey(String pemOrLocation) {
		byte[] der = der(pemOrLocation, "PUBLIC KEY");
		try {
			return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
		}
		catch (GeneralSecurityException | ClassCastException ex) {
			throw new IllegalStateException("Not an X.509 RSA public key", ex);
		}
	}

	static RSAPublicKey publicKeyOf(RSAPrivateKey privateKey) {
		if (!(privateKey instanceof RSAPrivateCrtKey crtKey)) {
			throw new IllegalStateException("The public key cannot be derived from this private key; configure it");
		}
		try {
			return (RSAPublicKey) KeyFactory.getInstance("RSA")
				.generatePublic(new RSAPublicKeySpec(crtKey.getModulus(), crtKey.getPublicExponent()));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Could not derive the public key", ex);
		}
	}

	private byte[] der(String pemOrLocation, String label) {
		String pem = pemOrLocation.contains("-----BEGIN") ? pemOrLocation : read(pemOrLocation);
		Matcher matcher = PEM.matcher(pem);
		if (!matcher.find()) {
			throw new IllegalStateException("Expected a PEM block '" + label + "'");
		}
		if (!label.equals(matcher.group(1))) {
			throw new IllegalStateException(
					"Expected a PEM block '" + label + "' but found '" + matcher.group(1) + "'; convert it with"
							+ " 'openssl pkcs8 -topk8 -nocrypt' (private) or 'openssl rsa -pubout' (public)");
		}
		return Base64.getMimeDecoder().decode(matcher.group(2).replaceAll("\\s", ""));
	}

	private String read(String location) {
		Resource resource = this.resourceLoader.getResource(location);
		try (InputStream in = resource.getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read key from '" + location + "'", ex);
		}
	}

}
