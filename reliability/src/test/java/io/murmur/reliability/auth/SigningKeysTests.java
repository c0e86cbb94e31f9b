package io.murmur.reliability.auth;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * {@link SigningKeys} and {@link TokenClaims}: the key a platform signs with, read from
 * the PEM file it was given, forges tokens its public key accepts.
 */
class SigningKeysTests {

	@TempDir
	Path dir;

	@Test
	void shouldForgeTokensThatThePlatformsPublicKeyVerifies() throws Exception {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(2048);
		KeyPair pair = generator.generateKeyPair();
		Path file = this.dir.resolve("key.pem");
		Files.writeString(file, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));

		RSAKey key = SigningKeys.read(file, "key-1");
		String forged = BadToken.WRONG_AUDIENCE.token(key, "the-issuer", "the-api", "42");

		SignedJWT jwt = SignedJWT.parse(forged);
		assertThat(jwt.verify(new RSASSAVerifier((RSAPublicKey) pair.getPublic()))).isTrue();
		assertThat(jwt.getHeader().getKeyID()).isEqualTo("key-1");
		assertThat(TokenClaims.of(forged)).isEqualTo(new TokenClaims("42", "the-issuer", "another-api"));
	}

	@Test
	void shouldRefuseAFileWithoutAPrivateKey() throws Exception {
		Path file = this.dir.resolve("not-a-key.pem");
		Files.writeString(file, pem("PRIVATE KEY", "not a key".getBytes(StandardCharsets.UTF_8)));

		assertThatIllegalArgumentException().isThrownBy(() -> SigningKeys.read(file, "key-1"))
			.withMessageContaining("not-a-key.pem");
	}

	private static String pem(String type, byte[] der) {
		return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder().encodeToString(der) + "\n-----END " + type
				+ "-----\n";
	}

}
