package io.murmur.localstack.platform.seed;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Properties;

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
		try {
			if (Files.exists(file)) {
				Properties properties = new Properties();
				try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
					properties.load(reader);
				}
				String password = properties.getProperty(KEY, "").strip();
				if (!password.isEmpty()) {
					return password;
				}
			}
			String password = generate();
			Files.createDirectories(platformDir);
			Path temp = Files.createTempFile(platformDir, "seed", ".tmp",
					PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
			Files.writeString(temp, "# The password of every account ./platform seed creates, reused on re-runs.\n"
					+ KEY + "=" + password + "\n", StandardCharsets.UTF_8);
			Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
			return password;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot keep the seed password in " + file, ex);
		}
	}

	static String generate() {
		StringBuilder password = new StringBuilder(LENGTH);
		for (int i = 0; i < LENGTH; i++) {
			password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
		}
		return password.toString();
	}

}
