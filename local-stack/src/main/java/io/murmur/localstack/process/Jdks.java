package io.murmur.localstack.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

import io.murmur.localstack.StoreStartException;

/**
 * Finds the Java runtimes that stores need: the current one for most, JDK 17 for
 * Cassandra.
 */
public final class Jdks {

	public static final Jdks INSTANCE = new Jdks();

	private static final List<Path> SEARCH_ROOTS = List.of(Path.of("/usr/lib/jvm"), Path.of("/usr/java"),
			Path.of("/opt/java"), Path.of("/Library/Java/JavaVirtualMachines"),
			Path.of(System.getProperty("user.home"), ".sdkman", "candidates", "java"));

	private Jdks() {
	}

	/**
	 * The home of the JVM running this code.
	 * @return the java home
	 */
	public Path currentHome() {
		return Path.of(System.getProperty("java.home"));
	}

	/**
	 * The {@code java} executable of the JVM running this code.
	 * @return the executable
	 */
	public Path currentJava() {
		return currentHome().resolve("bin").resolve("java");
	}

	/**
	 * The home of a JDK of exactly the given feature version:
	 * {@code $MURMUR_JAVA<n>_HOME}, {@code $JAVA<n>_HOME}, the current JVM if it matches,
	 * else the first match under the usual install locations.
	 * @param feature the feature version, e.g. 17
	 * @return the java home
	 * @throws StoreStartException if no such JDK is installed
	 */
	public Path home(int feature) {
		for (String variable : List.of("MURMUR_JAVA" + feature + "_HOME", "JAVA" + feature + "_HOME")) {
			String value = System.getenv(variable);
			if (value != null && !value.isBlank()) {
				return Path.of(value);
			}
		}
		if (Runtime.version().feature() == feature) {
			return currentHome();
		}
		List<Path> candidates = new ArrayList<>();
		for (Path root : SEARCH_ROOTS) {
			if (Files.isDirectory(root)) {
				try (Stream<Path> children = Files.list(root)) {
					children.sorted().forEach(candidates::add);
				}
				catch (IOException ex) {
					// an unreadable location is no candidate
				}
			}
		}
		return candidates.stream()
			.map((candidate) -> Files.isDirectory(candidate.resolve("Contents/Home"))
					? candidate.resolve("Contents/Home") : candidate)
			.filter((candidate) -> featureOf(candidate).filter((found) -> found == feature).isPresent())
			.findFirst()
			.orElseThrow(() -> new StoreStartException("No JDK " + feature + " found. Install one (on Debian: "
					+ "apt-get install openjdk-" + feature + "-jdk-headless) or set MURMUR_JAVA" + feature + "_HOME."));
	}

	/**
	 * The {@code java} executable of a JDK of exactly the given feature version.
	 * @param feature the feature version
	 * @return the executable
	 */
	public Path java(int feature) {
		return home(feature).resolve("bin").resolve("java");
	}

	private static Optional<Integer> featureOf(Path home) {
		Path release = home.resolve("release");
		if (!Files.isRegularFile(release) || !Files.isExecutable(home.resolve("bin/java"))) {
			return Optional.empty();
		}
		Properties properties = new Properties();
		try (var reader = Files.newBufferedReader(release)) {
			properties.load(reader);
		}
		catch (IOException ex) {
			return Optional.empty();
		}
		String version = properties.getProperty("JAVA_VERSION", "").replace("\"", "");
		if (version.isEmpty()) {
			return Optional.empty();
		}
		String major = version.startsWith("1.") ? version.substring(2) : version;
		try {
			return Optional.of(Integer.parseInt(major.split("[.+-]")[0]));
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
	}

}
