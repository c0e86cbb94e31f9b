package io.murmur.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * File chores that stores share: writing their configuration and removing their data.
 */
public final class StoreFiles {

	private StoreFiles() {
	}

	/**
	 * Writes a text file in UTF-8, replacing it if it exists.
	 * @param file the file
	 * @param content the text
	 * @return the file
	 */
	public static Path write(Path file, String content) {
		try {
			return Files.writeString(file, content, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not write " + file, ex);
		}
	}

	/**
	 * Creates a directory and its parents unless they exist.
	 * @param dir the directory
	 * @return the directory
	 */
	public static Path createDirectories(Path dir) {
		try {
			return Files.createDirectories(dir);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not create " + dir, ex);
		}
	}

	/**
	 * Deletes a directory tree; nothing happens if it does not exist.
	 * @param root the directory
	 */
	public static void deleteRecursively(Path root) {
		if (!Files.exists(root)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(root)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(path);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not delete " + root, ex);
		}
	}

}
