package io.murmur.benchmarks.simulation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a simulation is told by the run that forks it, as system properties: Gatling
 * builds simulations with their no-argument constructor, in a JVM of its own.
 *
 * @param baseUrl the target's base URL
 * @param path the path and query to request
 * @param rate new requests per second
 * @param warmUp how long to warm up before measuring
 * @param duration how long to measure
 * @param tokenFile a file with one access token a line
 */
public record SimulationSettings(String baseUrl, String path, double rate, Duration warmUp, Duration duration,
		Path tokenFile) {

	/** The request name of the warm-up, which the figures leave out. */
	public static final String WARM_UP = "warm-up";

	/** The request name of the measured requests. */
	public static final String MEASURED = "measured";

	static final String PREFIX = "murmur.bench.";

	/**
	 * The settings as system properties for the forked JVM.
	 * @return {@code -Dkey=value} arguments
	 */
	public List<String> toJvmArguments() {
		return List.of("-D" + PREFIX + "baseUrl=" + this.baseUrl, "-D" + PREFIX + "path=" + this.path,
				"-D" + PREFIX + "rate=" + this.rate, "-D" + PREFIX + "warmUp=" + this.warmUp,
				"-D" + PREFIX + "duration=" + this.duration, "-D" + PREFIX + "tokenFile=" + this.tokenFile);
	}

	static SimulationSettings fromSystemProperties() {
		return new SimulationSettings(property("baseUrl"), property("path"), Double.parseDouble(property("rate")),
				Duration.parse(property("warmUp")), Duration.parse(property("duration")),
				Path.of(property("tokenFile")));
	}

	/**
	 * The tokens of the token file, endlessly in turn, as Gatling feeder records with the
	 * key {@code token}.
	 * @return the feeder
	 */
	Iterator<Map<String, Object>> tokens() {
		List<String> tokens;
		try {
			tokens = Files.readAllLines(this.tokenFile).stream().filter((line) -> !line.isBlank()).toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		if (tokens.isEmpty()) {
			throw new IllegalStateException("No token in " + this.tokenFile);
		}
		return new Iterator<>() {

			private int next;

			@Override
			public boolean hasNext() {
				return true;
			}

			@Override
			public synchronized Map<String, Object> next() {
				Map<String, Object> record = new HashMap<>();
				record.put("token", tokens.get(this.next));
				this.next = (this.next + 1) % tokens.size();
				return record;
			}

		};
	}

	private static String property(String name) {
		return Objects.requireNonNull(System.getProperty(PREFIX + name), () -> "System property " + PREFIX + name);
	}

}
