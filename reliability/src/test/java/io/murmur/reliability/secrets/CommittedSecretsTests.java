package io.murmur.reliability.secrets;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No private key or secret is committed: every file git tracks is scanned, except the
 * findings listed in {@code committed-secrets-allowed.txt} (test fixtures, each with its
 * reason).
 */
class CommittedSecretsTests {

	@Test
	void shouldFindNoPrivateKeyOrSecretInAnyTrackedFile() throws Exception {
		Path root = repositoryRoot();
		List<String> files = trackedFiles(root);
		Set<String> allowed = allowed();

		List<SecretScanner.Finding> findings = SecretScanner.scan(root, files, allowed);

		assertThat(files).hasSizeGreaterThan(100);
		assertThat(findings)
			.as("secrets committed; remove them or, for a test fixture, list them with the reason in "
					+ "reliability/src/test/resources/committed-secrets-allowed.txt")
			.isEmpty();
	}

	@Nested
	class Scanner {

		@Test
		void shouldFindAPemPrivateKey() throws NoSuchAlgorithmException {
			String pem = "-----BEGIN PRIVATE KEY-----\n"
					+ Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
						.encodeToString(KeyPairGenerator.getInstance("RSA").generateKeyPair().getPrivate().getEncoded())
					+ "\n-----END PRIVATE KEY-----\n";

			assertThat(SecretScanner.scan("key.pem", pem)).extracting(SecretScanner.Finding::kind)
				.containsExactly("PEM PRIVATE KEY");
			assertThat(SecretScanner.scan("Keys.java", "String pem = \"" + pem.replace("\n", "\\n") + "\";"))
				.hasSize(1);
		}

		@Test
		void shouldFindAHighEntropySecretAndACloudKey() {
			assertThat(SecretScanner.scan("application.yml", "client-secret: \"q8Zt3LkP0xWv9RmN2bYc7HdJ4sFg6Ae1\""))
				.hasSize(1);
			assertThat(SecretScanner.scan("App.java", "String apiKey = \"Zx81Lm0Pq3Rt7Vb5Nc2Hd9Jk4Sg6Af1\";"))
				.hasSize(1);
			assertThat(SecretScanner.scan("env", "AWS_ACCESS_KEY_ID=AKIA" + "IOSFODNN7EXAMPLE")).hasSize(1);
		}

		@Test
		void shouldLetCodeThatGeneratesAKeyAndPlaceholdersPass() {
			assertThat(SecretScanner.scan("Keys.java",
					"String pem = \"-----BEGIN PRIVATE KEY-----\\n\" + Base64.getMimeEncoder().encodeToString(der);"))
				.isEmpty();
			assertThat(SecretScanner.scan("application.yml",
					"client-secret: ${MURMUR_SERVICE_CLIENT_SECRET:}\npassword: \"a long and unusual pass phrase\""))
				.isEmpty();
			assertThat(SecretScanner.scan("Test.java", "String token = \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\";"))
				.isEmpty();
		}

	}

	private static Path repositoryRoot() {
		Path dir = Path.of("").toAbsolutePath();
		while (dir != null && !Files.exists(dir.resolve(".git"))) {
			dir = dir.getParent();
		}
		assertThat(dir).as("the repository root").isNotNull();
		return dir;
	}

	private static List<String> trackedFiles(Path root) throws IOException, InterruptedException {
		Process git = new ProcessBuilder("git", "ls-files", "-z").directory(root.toFile()).start();
		String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(git.waitFor()).as("git ls-files").isZero();
		return List.of(out.split("\0"));
	}

	private static Set<String> allowed() throws IOException {
		try (var in = CommittedSecretsTests.class.getResourceAsStream("/committed-secrets-allowed.txt")) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
				.map(String::strip)
				.filter((line) -> !line.isEmpty() && !line.startsWith("#"))
				.map((line) -> line.replaceFirst("\\s+#.*$", ""))
				.collect(Collectors.toSet());
		}
	}

}
