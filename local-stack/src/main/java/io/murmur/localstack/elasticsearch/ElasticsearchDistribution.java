package io.murmur.localstack.elasticsearch;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.jspecify.annotations.Nullable;

import io.murmur.localstack.StoreContext;
import io.murmur.localstack.StoreFiles;
import io.murmur.localstack.StoreStartException;

/**
 * The Elasticsearch distribution unpacked once per machine into the shared cache and used
 * read-only by every instance.
 * <p>
 * Concurrent JVMs unpack into their own temporary directory and rename it into place; the
 * rename is atomic, so nobody ever sees half a tree, and the loser of a race throws its
 * copy away. Unix modes come from the archive, made readable by everyone, because the
 * server may run as another user than the one who unpacked it.
 */
final class ElasticsearchDistribution {

	private static final String LAUNCHER = "bin/elasticsearch";

	private static final String UNPACKING_PREFIX = ".unpacking-";

	private static final Duration ABANDONED_AFTER = Duration.ofHours(1);

	private static final Set<PosixFilePermission> EXECUTABLE = PosixFilePermissions.fromString("rwxr-xr-x");

	private static final Set<PosixFilePermission> READABLE = PosixFilePermissions.fromString("rw-r--r--");

	private ElasticsearchDistribution() {
	}

	/**
	 * The home directory of the unpacked distribution, unpacking it first if needed.
	 * @param context the store context
	 * @param version the Elasticsearch version
	 * @return the distribution's home, with {@code bin/}, {@code lib/} and
	 * {@code modules/}
	 */
	static Path home(StoreContext context, String version) {
		Path parent = context.cacheDir("elasticsearch-" + version);
		Path home = parent.resolve("distribution");
		if (isComplete(home)) {
			return home;
		}
		Path zip = context.artifacts()
			.artifact("org.elasticsearch.distribution.integ-test-zip:elasticsearch:zip:" + version);
		try {
			makeTraversable(parent);
			deleteAbandoned(parent);
			Path unpacking = Files.createTempDirectory(parent, UNPACKING_PREFIX);
			try {
				unzip(zip, unpacking);
				Files.setPosixFilePermissions(unpacking, EXECUTABLE);
				Files.move(unpacking, home, StandardCopyOption.ATOMIC_MOVE);
			}
			catch (IOException ex) {
				if (!isComplete(home)) {
					throw ex;
				}
			}
			finally {
				StoreFiles.deleteRecursively(unpacking);
			}
		}
		catch (IOException ex) {
			throw new StoreStartException("Could not unpack " + zip + " into " + home, ex);
		}
		if (!isComplete(home)) {
			throw new StoreStartException("No " + LAUNCHER + " in " + zip);
		}
		return home;
	}

	/**
	 * The home directory of the distribution with the given plugins installed, made first
	 * if needed: the plain distribution hard-linked (copied where links are not possible)
	 * with each plugin unpacked into {@code plugins/}, kept under a digest of the plugins
	 * so that a rebuilt plugin gets a home of its own.
	 * @param context the store context
	 * @param version the Elasticsearch version
	 * @param plugins the plugin zips
	 * @return the home of the distribution with those plugins, the plain one if none
	 */
	static Path home(StoreContext context, String version, List<Path> plugins) {
		Path plain = home(context, version);
		if (plugins.isEmpty()) {
			return plain;
		}
		Path parent = plain.getParent();
		Path home = parent.resolve("distribution-" + ElasticsearchPlugins.digest(plugins));
		if (isComplete(home)) {
			return home;
		}
		try {
			Path assembling = Files.createTempDirectory(parent, UNPACKING_PREFIX);
			try {
				linkTree(plain, assembling);
				for (Path plugin : plugins) {
					ElasticsearchPlugins.install(plugin, assembling);
				}
				makeReadable(assembling);
				Files.move(assembling, home, StandardCopyOption.ATOMIC_MOVE);
			}
			catch (IOException ex) {
				if (!isComplete(home)) {
					throw ex;
				}
			}
			finally {
				StoreFiles.deleteRecursively(assembling);
			}
		}
		catch (IOException ex) {
			throw new StoreStartException("Could not install the plugins " + plugins + " into a copy of " + plain, ex);
		}
		return home;
	}

	private static void linkTree(Path source, Path target) throws IOException {
		try (Stream<Path> paths = Files.walk(source)) {
			for (Path path : (Iterable<Path>) paths::iterator) {
				Path copy = target.resolve(source.relativize(path).toString());
				if (Files.isDirectory(path)) {
					Files.createDirectories(copy);
				}
				else {
					try {
						Files.createLink(copy, path);
					}
					catch (IOException | UnsupportedOperationException ex) {
						Files.copy(path, copy, StandardCopyOption.COPY_ATTRIBUTES);
					}
				}
			}
		}
	}

	private static void makeReadable(Path tree) throws IOException {
		try (Stream<Path> paths = Files.walk(tree)) {
			for (Path path : (Iterable<Path>) paths::iterator) {
				if (Files.isDirectory(path)) {
					Files.setPosixFilePermissions(path, EXECUTABLE);
				}
				else if (!Files.isExecutable(path)) {
					Files.setPosixFilePermissions(path, READABLE);
				}
			}
		}
	}

	private static boolean isComplete(Path home) {
		return Files.isExecutable(home.resolve(LAUNCHER));
	}

	private static void unzip(Path zip, Path target) throws IOException {
		try (ZipFile archive = ZipFile.builder().setPath(zip).get()) {
			Enumeration<ZipArchiveEntry> entries = archive.getEntries();
			while (entries.hasMoreElements()) {
				ZipArchiveEntry entry = entries.nextElement();
				Path path = resolveWithoutTopDirectory(target, entry.getName());
				if (path == null) {
					continue;
				}
				if (entry.isDirectory()) {
					Files.createDirectories(path);
					Files.setPosixFilePermissions(path, EXECUTABLE);
					continue;
				}
				if (entry.isUnixSymlink()) {
					throw new IOException("Unexpected symbolic link " + entry.getName());
				}
				Files.createDirectories(path.getParent());
				try (InputStream in = archive.getInputStream(entry)) {
					Files.copy(in, path);
				}
				Files.setPosixFilePermissions(path, ((entry.getUnixMode() & 0111) != 0) ? EXECUTABLE : READABLE);
			}
		}
		try (Stream<Path> dirs = Files.walk(target)) {
			for (Path dir : (Iterable<Path>) dirs.filter(Files::isDirectory)::iterator) {
				Files.setPosixFilePermissions(dir, EXECUTABLE);
			}
		}
	}

	private static @Nullable Path resolveWithoutTopDirectory(Path target, String name) throws IOException {
		int slash = name.indexOf('/');
		if (slash < 0 || slash == name.length() - 1) {
			return null;
		}
		Path path = target.resolve(name.substring(slash + 1)).normalize();
		if (!path.startsWith(target)) {
			throw new IOException("Entry outside the archive's directory: " + name);
		}
		return path;
	}

	private static void makeTraversable(Path dir) throws IOException {
		Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(dir);
		if (!permissions.containsAll(EXECUTABLE)) {
			Files.setPosixFilePermissions(dir, EXECUTABLE);
		}
	}

	private static void deleteAbandoned(Path parent) throws IOException {
		FileTime abandoned = FileTime.from(Instant.now().minus(ABANDONED_AFTER));
		try (Stream<Path> children = Files.list(parent)) {
			for (Path child : (Iterable<Path>) children::iterator) {
				if (child.getFileName().toString().startsWith(UNPACKING_PREFIX)
						&& Files.getLastModifiedTime(child).compareTo(abandoned) < 0) {
					StoreFiles.deleteRecursively(child);
				}
			}
		}
	}

}
