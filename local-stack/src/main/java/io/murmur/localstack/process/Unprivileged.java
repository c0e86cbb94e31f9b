package io.murmur.localstack.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Runs stores that refuse root (Elasticsearch, PostgreSQL) as an unprivileged user when
 * the owner runs as root, and leaves everything alone otherwise.
 */
public final class Unprivileged {

	public static final Unprivileged INSTANCE = new Unprivileged();

	/** The conventional uid and gid of {@code nobody} / {@code nogroup}. */
	public static final int NOBODY = 65534;

	private final boolean root;

	private Unprivileged() {
		this.root = detectRoot();
	}

	private static boolean detectRoot() {
		try {
			return ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
		}
		catch (IOException | UnsupportedOperationException | IllegalArgumentException ex) {
			return "root".equals(System.getProperty("user.name"));
		}
	}

	public boolean isRoot() {
		return this.root;
	}

	/**
	 * The command, prefixed to drop to {@code nobody} when running as root.
	 * @param command the command line
	 * @return the command line to launch
	 */
	public List<String> command(List<String> command) {
		if (!this.root) {
			return command;
		}
		List<String> wrapped = new ArrayList<>(
				List.of("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups", "--"));
		wrapped.addAll(command);
		return wrapped;
	}

	/**
	 * Gives a directory tree to the unprivileged user when running as root, so the store
	 * can write there.
	 * @param dir the directory
	 */
	public void handOver(Path dir) {
		if (!this.root) {
			return;
		}
		try (Stream<Path> paths = Files.walk(dir)) {
			for (Path path : (Iterable<Path>) paths::iterator) {
				Files.setAttribute(path, "unix:uid", NOBODY, java.nio.file.LinkOption.NOFOLLOW_LINKS);
				Files.setAttribute(path, "unix:gid", NOBODY, java.nio.file.LinkOption.NOFOLLOW_LINKS);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not hand " + dir + " to uid " + NOBODY, ex);
		}
	}

}
