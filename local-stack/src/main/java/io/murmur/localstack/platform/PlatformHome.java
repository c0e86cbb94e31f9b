package io.murmur.localstack.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

import io.murmur.localstack.platform.seed.ClientCredentials;

/**
 * The platform's directory, {@code .platform/} at the repository root: the daemon's lock,
 * state and log, and the run directory where every component keeps its data and log.
 * <p>
 * Whether a daemon runs is decided by its lock, not by its pid: the operating system
 * releases the lock when the daemon dies, however it dies, and a reused pid cannot hold
 * it.
 */
final class PlatformHome {

	private final Path dir;

	private final Path root;

	PlatformHome(Path dir, Path root) {
		this.dir = dir.toAbsolutePath().normalize();
		this.root = root.toAbsolutePath().normalize();
	}

	Path dir() {
		return this.dir;
	}

	/**
	 * The repository root, where the services' modules are.
	 * @return the root directory
	 */
	Path root() {
		return this.root;
	}

	Path stateFile() {
		return this.dir.resolve("state.json");
	}

	Path daemonLog() {
		return this.dir.resolve("daemon.log");
	}

	Path runDir() {
		return this.dir.resolve("run");
	}

	Path previousRunDir() {
		return this.dir.resolve("run.previous");
	}

	private Path lockFile() {
		return this.dir.resolve("daemon.lock");
	}

	void createDirectories() {
		try {
			Files.createDirectories(this.dir);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot create " + this.dir, ex);
		}
	}

	/**
	 * Whether a daemon holds the lock now.
	 * @return {@code true} if a daemon runs
	 */
	boolean isDaemonRunning() {
		if (!Files.exists(lockFile())) {
			return false;
		}
		try (FileChannel channel = FileChannel.open(lockFile(), StandardOpenOption.WRITE)) {
			FileLock lock = channel.tryLock();
			if (lock == null) {
				return true;
			}
			lock.release();
			return false;
		}
		catch (OverlappingFileLockException ex) {
			return true;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot check " + lockFile(), ex);
		}
	}

	/**
	 * Takes the daemon lock for the life of this JVM.
	 * @return the lock, or {@code null} if another daemon holds it
	 */
	@Nullable FileLock lockForDaemon() {
		createDirectories();
		try {
			FileChannel channel = FileChannel.open(lockFile(), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
			FileLock lock = channel.tryLock();
			if (lock == null) {
				channel.close();
			}
			return lock;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot lock " + lockFile(), ex);
		}
	}

	Optional<PlatformState> readState() {
		try {
			return Optional.of(PlatformState.fromJson(Files.readString(stateFile(), StandardCharsets.UTF_8)));
		}
		catch (NoSuchFileException ex) {
			return Optional.empty();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + stateFile(), ex);
		}
		catch (RuntimeException ex) {
			throw new IllegalStateException("Cannot read " + stateFile() + ": " + ex.getMessage()
					+ ". Remove it after making sure no platform process runs.", ex);
		}
	}

	void writeState(PlatformState state) {
		try {
			Path temp = Files.createTempFile(this.dir, "state", ".tmp");
			Files.writeString(temp, state.toJson(), StandardCharsets.UTF_8);
			try {
				Files.move(temp, stateFile(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			}
			catch (AtomicMoveNotSupportedException ex) {
				Files.move(temp, stateFile(), StandardCopyOption.REPLACE_EXISTING);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write " + stateFile(), ex);
		}
	}

	/**
	 * Removes the state and the run's service client credentials.
	 */
	void deleteState() {
		delete(stateFile());
		deleteServiceClient();
	}

	/**
	 * Removes the run's service client credentials, which no one can use once the run's
	 * user-service is gone.
	 */
	void deleteServiceClient() {
		delete(this.dir.resolve(ClientCredentials.FILE_NAME));
	}

	private static void delete(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot delete " + file, ex);
		}
	}

	/**
	 * Moves the last run's directory aside, keeping its logs for one more run, so that
	 * every run starts with empty data directories.
	 */
	void rotateRunDir() {
		try {
			if (Files.exists(runDir())) {
				deleteTree(previousRunDir());
				Files.move(runDir(), previousRunDir());
			}
			Files.createDirectories(runDir());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot prepare " + runDir(), ex);
		}
	}

	/**
	 * A path as people should read it: relative to the working directory when below it.
	 * @param path the path
	 * @return the path to show
	 */
	static String display(Path path) {
		Path absolute = path.toAbsolutePath().normalize();
		Path cwd = Path.of("").toAbsolutePath();
		return absolute.startsWith(cwd) ? cwd.relativize(absolute).toString() : absolute.toString();
	}

	private static void deleteTree(Path dir) throws IOException {
		if (!Files.exists(dir)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(dir)) {
			for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
				Files.deleteIfExists(path);
			}
		}
	}

}
