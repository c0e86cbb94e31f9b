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
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * The signing key of a platform under test, read from the PEM file its user-service signs
 * with, so that the auth matrix can forge the tokens only that key makes dangerous; and
 * tokens signed as user-service signs them.
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

	/**
	 * An access token as user-service signs one: RS256 under the key's id, with a
	 * subject, an issuer, one audience, a unique id, issued 15 minutes before it expires.
	 * @param key the signing key
	 * @param issuer the issuer
	 * @param audience the audience
	 * @param subject the user
	 * @param expiresAt when it expires
	 * @return the token
	 */
	public static String sign(RSAKey key, String issuer, String audience, String subject, Instant expiresAt) {
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
				claims(issuer, audience, subject, expiresAt));
		try {
			jwt.sign(new RSASSASigner(key));
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
		return jwt.serialize();
	}

	/**
	 * The claims of {@link #sign}, for a token that is not signed.
	 * @param issuer the issuer
	 * @param audience the audience
	 * @param subject the user
	 * @param expiresAt when it expires
	 * @return the claims
	 */
	static JWTClaimsSet claims(String issuer, String audience, String subject, Instant expiresAt) {
		return new JWTClaimsSet.Builder().subject(subject)
			.issuer(issuer)
			.audience(audience)
			.issueTime(Date.from(expiresAt.minus(Duration.ofMinutes(15))))
			.expirationTime(Date.from(expiresAt))
			.jwtID(UUID.randomUUID().toString())
			.build();
	}

}
