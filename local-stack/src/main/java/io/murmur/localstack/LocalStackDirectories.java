package io.murmur.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import io.murmur.localstack.process.Unprivileged;

/**
 * Where local-stack keeps what is shared between runs.
 */
final class LocalStackDirectories {

	private LocalStackDirectories() {
	}

	/**
	 * The machine-wide cache: {@code $MURMUR_STACK_CACHE}, else
	 * {@code ~/.cache/murmur/local-stack} for a normal user. As root it is
	 * {@code /var/cache/murmur/local-stack}, because stores that refuse root run as an
	 * unprivileged user and must be able to read it, which they cannot below root's home.
	 * @return an existing directory
	 */
	static Path cacheDir() {
		String configured = System.getenv("MURMUR_STACK_CACHE");
		Path dir;
		if (configured != null && !configured.isBlank()) {
			dir = Path.of(configured);
		}
		else if (Unprivileged.INSTANCE.isRoot()) {
			dir = Path.of("/var/cache/murmur/local-stack");
		}
		else {
			dir = Path.of(System.getProperty("user.home"), ".cache", "murmur", "local-stack");
		}
		try {
			Files.createDirectories(dir);
			if (Unprivileged.INSTANCE.isRoot()) {
				Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
			}
			return dir.toAbsolutePath();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
