package io.murmur.benchmarks.simulation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What {@link FeedWorkloadSimulation} is told, as system properties of its JVM.
 *
 * @param baseUrl the gateway's base URL
 * @param rate arrivals per second (open model), or {@code 0} for the closed model
 * @param concurrency users looping back to back (closed model), when {@code rate} is 0
 * @param warmUp how long to warm up before measuring
 * @param duration how long to measure
 * @param readersFile one access token a line: the accounts that read and post
 * @param authorsFile one user id a line: whose timelines are read
 * @param feedPercent the share of home-feed reads
 * @param timelinePercent the share of user-timeline reads; the rest are posts
 */
public record WorkloadSettings(String baseUrl, double rate, int concurrency, Duration warmUp, Duration duration,
		Path readersFile, Path authorsFile, double feedPercent, double timelinePercent) {

	static final String PREFIX = "murmur.workload.";

	/**
	 * Reads only: home-feed pages, back to back by a number of users.
	 * @param baseUrl the gateway's base URL
	 * @param concurrency how many users
	 * @param warmUp the warm-up
	 * @param duration the measured time
	 * @param readersFile the readers' tokens
	 * @param authorsFile whose timelines (unused, but must exist)
	 * @return the settings
	 */
	public static WorkloadSettings feedReads(String baseUrl, int concurrency, Duration warmUp, Duration duration,
			Path readersFile, Path authorsFile) {
		return new WorkloadSettings(baseUrl, 0, concurrency, warmUp, duration, readersFile, authorsFile, 100, 0);
	}

	/**
	 * DeathStarBench's mix at a fixed arrival rate: 60% home-feed reads, 30%
	 * user-timeline reads, 10% posts.
	 * @param baseUrl the gateway's base URL
	 * @param rate arrivals per second
	 * @param warmUp the warm-up
	 * @param duration the measured time
	 * @param readersFile the readers' tokens
	 * @param authorsFile whose timelines
	 * @return the settings
	 */
	public static WorkloadSettings mixed(String baseUrl, double rate, Duration warmUp, Duration duration,
			Path readersFile, Path authorsFile) {
		return new WorkloadSettings(baseUrl, rate, 0, warmUp, duration, readersFile, authorsFile, 60, 30);
	}

	/**
	 * The settings as system properties for the forked JVM.
	 * @return {@code -Dkey=value} arguments
	 */
	public List<String> toJvmArguments() {
		return List.of("-D" + PREFIX + "baseUrl=" + this.baseUrl, "-D" + PREFIX + "rate=" + this.rate,
				"-D" + PREFIX + "concurrency=" + this.concurrency, "-D" + PREFIX + "warmUp=" + this.warmUp,
				"-D" + PREFIX + "duration=" + this.duration, "-D" + PREFIX + "readersFile=" + this.readersFile,
				"-D" + PREFIX + "authorsFile=" + this.authorsFile, "-D" + PREFIX + "feedPercent=" + this.feedPercent,
				"-D" + PREFIX + "timelinePercent=" + this.timelinePercent);
	}

	/**
	 * A description for the log.
	 * @return the description
	 */
	public String describe() {
		String load = (this.rate > 0) ? this.rate + " arrivals/s" : this.concurrency + " users back to back";
		return load + ", " + this.feedPercent + "% feed / " + this.timelinePercent + "% timeline / "
				+ (100 - this.feedPercent - this.timelinePercent) + "% posts, " + this.duration + " after "
				+ this.warmUp + " of warm-up";
	}

	static WorkloadSettings fromSystemProperties() {
		return new WorkloadSettings(property("baseUrl"), Double.parseDouble(property("rate")),
				Integer.parseInt(property("concurrency")), Duration.parse(property("warmUp")),
				Duration.parse(property("duration")), Path.of(property("readersFile")),
				Path.of(property("authorsFile")), Double.parseDouble(property("feedPercent")),
				Double.parseDouble(property("timelinePercent")));
	}

	static List<String> lines(Path file) {
		try {
			List<String> lines = new ArrayList<>();
			for (String line : Files.readAllLines(file)) {
				if (!line.isBlank()) {
					lines.add(line.strip());
				}
			}
			if (lines.isEmpty()) {
				throw new IllegalStateException("Nothing in " + file);
			}
			return lines;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String property(String name) {
		return Objects.requireNonNull(System.getProperty(PREFIX + name), () -> "System property " + PREFIX + name);
	}

}
