package io.murmur.localstack.elasticsearch;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.jspecify.annotations.Nullable;

import io.murmur.localstack.StoreStartException;

/**
 * The project's own Elasticsearch plugins, installed into every Elasticsearch local-stack
 * starts, so that what is tested here runs with the plugins that production installs.
 * <p>
 * A plugin is the zip Elasticsearch's {@code bin/elasticsearch-plugin install} takes (the
 * jar with {@code stable-plugin-descriptor.properties} or
 * {@code plugin-descriptor.properties} at its root), found either in
 * {@value #PLUGINS_PROPERTY} (paths separated by the path separator) or, without it, in
 * the build output of the project local-stack runs in: every
 * {@code <module>/target/elasticsearch-plugin/*.zip} of the nearest directory at or above
 * the working directory that has a {@code pom.xml} and such a module. A module that
 * builds a plugin puts its zip there in the {@code package} phase.
 */
final class ElasticsearchPlugins {

	/** The system property that names the plugin zips, overriding the search. */
	static final String PLUGINS_PROPERTY = "murmur.localstack.elasticsearch.plugins";

	private static final String BUILD_OUTPUT = "target/elasticsearch-plugin";

	private static final int MAX_LEVELS_UP = 3;

	private static final List<String> DESCRIPTORS = List.of("stable-plugin-descriptor.properties",
			"plugin-descriptor.properties");

	private ElasticsearchPlugins() {
	}

	/**
	 * The plugin zips to install, in a stable order.
	 * @return the zips, empty if the project builds none
	 */
	static List<Path> find() {
		String configured = System.getProperty(PLUGINS_PROPERTY);
		if (configured != null) {
			return Arrays.stream(configured.split(File.pathSeparator))
				.filter((path) -> !path.isBlank())
				.map(Path::of)
				.sorted()
				.toList();
		}
		Path dir = Path.of("").toAbsolutePath();
		for (int level = 0; dir != null && level <= MAX_LEVELS_UP; level++, dir = dir.getParent()) {
			List<Path> zips = builtIn(dir);
			if (!zips.isEmpty()) {
				return zips;
			}
		}
		return List.of();
	}

	private static List<Path> builtIn(Path root) {
		if (!Files.isRegularFile(root.resolve("pom.xml"))) {
			return List.of();
		}
		List<Path> zips = new ArrayList<>();
		try (Stream<Path> modules = Files.list(root)) {
			for (Path module : (Iterable<Path>) modules.filter(Files::isDirectory)::iterator) {
				Path output = module.resolve(BUILD_OUTPUT);
				if (Files.isDirectory(output)) {
					try (Stream<Path> files = Files.list(output)) {
						files.filter((file) -> file.getFileName().toString().endsWith(".zip")).forEach(zips::add);
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not look for Elasticsearch plugins under " + root, ex);
		}
		return zips.stream().sorted().toList();
	}

	/**
	 * A short digest of what the zips hold (entry names and contents, not the zips' own
	 * bytes, which change with every build's timestamps): a distribution with these
	 * plugins is kept under it, so that a changed plugin gets a distribution of its own
	 * and an unchanged one rebuilt reuses it.
	 * @param zips the plugin zips
	 * @return twelve hex digits
	 */
	static String digest(List<Path> zips) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			for (Path zip : zips) {
				try (ZipFile archive = ZipFile.builder().setPath(zip).get()) {
					List<ZipArchiveEntry> entries = new ArrayList<>();
					archive.getEntries().asIterator().forEachRemaining(entries::add);
					entries.sort(java.util.Comparator.comparing(ZipArchiveEntry::getName));
					for (ZipArchiveEntry entry : entries) {
						digest.update(entry.getName().getBytes(java.nio.charset.StandardCharsets.UTF_8));
						try (InputStream in = archive.getInputStream(entry)) {
							digest.update(in.readAllBytes());
						}
					}
				}
			}
			return HexFormat.of().formatHex(digest.digest()).substring(0, 12);
		}
		catch (IOException ex) {
			throw new StoreStartException("Could not read the Elasticsearch plugins " + zips, ex);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Unpacks a plugin into {@code plugins/<name>} of a distribution, as the plugin
	 * installer would.
	 * @param zip the plugin zip
	 * @param home the distribution's home
	 * @throws IOException if the zip cannot be read or holds no descriptor
	 */
	static void install(Path zip, Path home) throws IOException {
		try (ZipFile archive = ZipFile.builder().setPath(zip).get()) {
			String name = name(archive);
			if (name == null) {
				throw new IOException(zip + " is no Elasticsearch plugin: it has none of " + DESCRIPTORS);
			}
			Path target = home.resolve("plugins").resolve(name);
			Enumeration<ZipArchiveEntry> entries = archive.getEntries();
			while (entries.hasMoreElements()) {
				ZipArchiveEntry entry = entries.nextElement();
				Path path = target.resolve(entry.getName()).normalize();
				if (!path.startsWith(target)) {
					throw new IOException("Entry outside the plugin's directory: " + entry.getName());
				}
				if (entry.isDirectory()) {
					Files.createDirectories(path);
					continue;
				}
				Files.createDirectories(path.getParent());
				try (InputStream in = archive.getInputStream(entry)) {
					Files.copy(in, path);
				}
			}
		}
	}

	private static @Nullable String name(ZipFile archive) throws IOException {
		for (String descriptor : DESCRIPTORS) {
			ZipArchiveEntry entry = archive.getEntry(descriptor);
			if (entry != null) {
				Properties properties = new Properties();
				try (InputStream in = archive.getInputStream(entry)) {
					properties.load(in);
				}
				return properties.getProperty("name");
			}
		}
		return null;
	}

}
