package io.murmur.localstack.platform.seed;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Map;

import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/**
 * The password every seeded account shares. It is generated on the first seeding and kept
 * in {@code .platform/seed.properties}, outside version control and readable by its owner
 * only, so that a re-run can sign in to the accounts it made.
 */
final class SeedPassword {

	static final String FILE_NAME = "seed.properties";

	private static final String KEY = "password";

	private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

	private static final int LENGTH = 20;

	private static final SecureRandom random = new SecureRandom();

	private SeedPassword() {
	}

	/**
	 * The password kept in the platform directory, generated and kept there first if
	 * there is none yet.
	 * @param platformDir the platform directory, {@code .platform}
	 * @return the password
	 */
	static String loadOrCreate(Path platformDir) {
		Path file = platformDir.resolve(FILE_NAME);
		String kept = PrivateFiles.read(file).map((properties) -> properties.getProperty(KEY, "").strip()).orElse("");
		if (!kept.isEmpty()) {
			return kept;
		}
		String password = generate();
		PrivateFiles.write(file, "The password of every account ./platform seed creates, reused on re-runs.",
				Map.of(KEY, password));
		return password;
	}

	/**
	 * The password as user-service stores it: Argon2id with user-service's own settings
	 * (16-byte salt, 32-byte hash, one lane, 19 MiB, two iterations), so that signing in
	 * accepts it without hashing it again with stronger ones.
	 * @param password the password
	 * @return the stored form, {@code {argon2}$argon2id$v=19$...}
	 */
	static String hash(String password) {
		return "{argon2}" + new Argon2PasswordEncoder(16, 32, 1, 19 * 1024, 2).encode(password);
	}

	static String generate() {
		StringBuilder password = new StringBuilder(LENGTH);
		for (int i = 0; i < LENGTH; i++) {
			password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
		}
		return password.toString();
	}

}
