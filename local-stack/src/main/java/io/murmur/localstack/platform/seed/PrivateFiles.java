package io.murmur.localstack.platform.seed;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Properties files in {@code .platform/} that hold a secret: written whole or not at all,
 * and readable by their owner only from the moment they exist.
 */
final class PrivateFiles {

	private PrivateFiles() {
	}

	/**
	 * Writes a properties file readable by its owner only, replacing any before it.
	 * @param file the file
	 * @param comment a line saying what the file is
	 * @param values the properties, in the order to write them
	 */
	static void write(Path file, String comment, Map<String, String> values) {
		StringBuilder text = new StringBuilder("# ").append(comment).append('\n');
		values.forEach((key, value) -> text.append(key).append('=').append(value).append('\n'));
		try {
			Files.createDirectories(file.getParent());
			Path temp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp",
					PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
			Files.writeString(temp, text, StandardCharsets.UTF_8);
			Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write " + file, ex);
		}
	}

	/**
	 * Reads a properties file.
	 * @param file the file
	 * @return its properties, or empty if there is no such file
	 */
	static Optional<Properties> read(Path file) {
		Properties properties = new Properties();
		try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			properties.load(reader);
			return Optional.of(properties);
		}
		catch (NoSuchFileException ex) {
			return Optional.empty();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + file, ex);
		}
	}

}
