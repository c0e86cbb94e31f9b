package io.murmur.user.token;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

import io.murmur.support.security.JwtProperties;
import io.murmur.user.config.UserProperties;
import io.murmur.user.config.UserProperties.Jwt.Key;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class SigningKeysTests {

	private static final JwtProperties CLAIMS = new JwtProperties(null, "murmur-user-service", "murmur-api",
			"murmur-internal", new JwtProperties.Keys(Duration.ofMinutes(5), Duration.ofHours(24)));

	private static final KeyPair OLD = generate(2048);

	private static final KeyPair NEW = generate(2048);

	private final TokenConfiguration configuration = new TokenConfiguration();

	@Test
	void shouldPublishEveryKeyAndSignWithTheActiveOne() {
		UserProperties properties = properties("new", new Key("old", null, publicPem(OLD)),
				new Key("new", privatePem(NEW), null));
		SigningKeys keys = load(properties);

		assertThat(keys.active().getKeyID()).isEqualTo("new");
		assertThat(keys.verification().getKeys()).extracting((key) -> key.getKeyID()).containsExactly("old", "new");
		assertThat(keys.verification().getKeys()).noneMatch((key) -> key.isPrivate());
	}

	@Test
	void shouldKeepAcceptingTokensOfARetiredKeyThatIsStillPublished() {
		UserProperties before = properties("old", new Key("old", privatePem(OLD), null));
		String oldToken = accessTokens(before).issue(42, Instant.now());
		UserProperties after = properties("new", new Key("old", null, publicPem(OLD)),
				new Key("new", privatePem(NEW), null));

		Jwt decoded = decoder(after).decode(oldToken);

		assertThat(decoded.getSubject()).isEqualTo("42");
		assertThat(decoder(after).decode(accessTokens(after).issue(43, Instant.now())).getSubject()).isEqualTo("43");
		UserProperties dropped = properties("new", new Key("new", privatePem(NEW), null));
		assertThatExceptionOfType(JwtException.class).isThrownBy(() -> decoder(dropped).decode(oldToken));
	}

	@Test
	void shouldReadKeysFromFiles(@TempDir Path dir) throws Exception {
		Path file = Files.writeString(dir.resolve("jwt.pem"), privatePem(NEW));
		SigningKeys keys = load(properties("", new Key("file-key", "file:" + file, null)));
		assertThat(keys.active().getKeyID()).isEqualTo("file-key");
		assertThat(keys.active().isPrivate()).isTrue();
	}

	@Test
	void shouldRefuseAnActiveKeyWithoutPrivateKey() {
		assertThatIllegalStateException()
			.isThrownBy(() -> load(properties("old", new Key("old", null, publicPem(OLD)))))
			.withMessageContaining("has no private key");
	}

	@Test
	void shouldRefuseKeysShorterThan2048Bits() {
		KeyPair weak = generate(1024);
		assertThatIllegalStateException()
			.isThrownBy(() -> load(properties("", new Key("weak", privatePem(weak), null))))
			.withMessageContaining("2048");
	}

	@Test
	void shouldExplainHowToConvertAPkcs1Key() {
		String pkcs1 = "-----BEGIN RSA PRIVATE KEY-----\nMIIB\n-----END RSA PRIVATE KEY-----";
		assertThatIllegalStateException().isThrownBy(() -> load(properties("", new Key("k", pkcs1, null))))
			.withMessageContaining("openssl pkcs8");
	}

	@Test
	void shouldRequireAnActiveKeyIdWhenSeveralKeysAreConfigured() {
		assertThatIllegalStateException().isThrownBy(
				() -> load(properties("", new Key("a", privatePem(OLD), null), new Key("b", privatePem(NEW), null))))
			.withMessageContaining("active-key-id");
	}

	@Test
	void shouldGenerateADevelopmentKeyWhenNoneIsConfigured() {
		SigningKeys keys = load(properties(""));
		assertThat(keys.active().getKeyID()).startsWith("dev-");
		assertThat(keys.active().size()).isEqualTo(2048);
	}

	private SigningKeys load(UserProperties properties) {
		return SigningKeys.load(properties.jwt(), new DefaultResourceLoader());
	}

	private AccessTokens accessTokens(UserProperties properties) {
		SigningKeys keys = load(properties);
		return new AccessTokens(this.configuration.jwtEncoder(keys), keys, CLAIMS, properties);
	}

	private JwtDecoder decoder(UserProperties properties) {
		return this.configuration.jwtDecoder(load(properties), CLAIMS);
	}

	private static UserProperties properties(String activeKeyId, Key... keys) {
		return new UserProperties(
				new UserProperties.Jwt(Duration.ofMinutes(15), Duration.ofMinutes(15), activeKeyId, List.of(keys)),
				new UserProperties.RefreshToken(Duration.ofDays(30)),
				new UserProperties.LoginThrottle(Duration.ofMinutes(15), 5, 20),
				new UserProperties.Web(List.of("127.0.0.1")), new UserProperties.PasswordHashing(0), null);
	}

	private static KeyPair generate(int bits) {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(bits);
			return generator.generateKeyPair();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String privatePem(KeyPair pair) {
		return pem("PRIVATE KEY", pair.getPrivate().getEncoded());
	}

	private static String publicPem(KeyPair pair) {
		return pem("PUBLIC KEY", pair.getPublic().getEncoded());
	}

	private static String pem(String label, byte[] der) {
		return "-----BEGIN " + label + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
				+ "\n-----END " + label + "-----\n";
	}

}
