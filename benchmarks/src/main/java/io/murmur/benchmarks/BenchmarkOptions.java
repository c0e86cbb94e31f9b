package io.murmur.benchmarks;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * The options of {@code benchmarks/run}, each with a default that gives the documented
 * run.
 *
 * @param root the repository root
 * @param out the report directory
 * @param repetitions how many times each measurement is repeated
 * @param rate requests per second of the gateway comparison
 * @param warmUp warm-up before each measured load run
 * @param duration each measured load run
 * @param zaddRequests ZADDs per redis-benchmark repetition
 * @param zaddPipeline redis-benchmark's pipeline depth
 * @param reed98 the socfb-Reed98 edge list, if not in its default place
 * @param only the measurements to run ({@code redis}, {@code fanout}, {@code lag},
 * {@code strategies}, {@code mixed}, {@code gateway}, {@code search}, {@code media},
 * {@code notifications}), all if empty
 * @param powerLawUsers the users of the synthetic power-law graph
 * @param mixedRates the arrival rates the mixed workload climbs through
 * @param searchPosts the posts the search benchmark indexes
 * @param searchQueries the queries the search benchmark times
 * @param notificationBurst the likes of one post in the notification scenario's burst
 */
record BenchmarkOptions(Path root, Path out, int repetitions, double rate, Duration warmUp, Duration duration,
		int zaddRequests, int zaddPipeline, @Nullable Path reed98, Set<String> only, int powerLawUsers,
		List<Double> mixedRates, int searchPosts, int searchQueries, int notificationBurst) {

	/** The measurements {@code --only} can name. */
	static final List<String> MEASUREMENTS = List.of("redis", "fanout", "lag", "strategies", "mixed", "gateway",
			"search", "media", "notifications");

	/**
	 * Reads the options from a command line.
	 * @param args the command line
	 * @return the options
	 * @throws CommandLine.ParameterException for an option it does not know or a value it
	 * cannot use
	 */
	static BenchmarkOptions parse(String... args) {
		Arguments arguments = new Arguments();
		new CommandLine(arguments).parseArgs(args);
		return arguments.toOptions();
	}

	boolean runs(String measurement) {
		return this.only.isEmpty() || this.only.contains(measurement);
	}

	/**
	 * The command line's options, as picocli fills them in.
	 */
	static final class Arguments {

		@Option(names = "--root", hidden = true)
		Path root = Path.of("");

		@Option(names = "--repetitions", paramLabel = "N", defaultValue = "3", converter = Positive.class,
				description = "How many times each measurement is repeated (default ${DEFAULT-VALUE}).")
		int repetitions;

		@Option(names = "--rate", paramLabel = "PER_SECOND", defaultValue = "50", converter = Positive.class,
				description = "Requests per second of the gateway comparison (default ${DEFAULT-VALUE}).")
		int rate;

		@Option(names = "--warm-up", paramLabel = "SECONDS", defaultValue = "10s", converter = Seconds.class,
				description = "Warm-up before each measured load run, such as 10s (default ${DEFAULT-VALUE}).")
		Duration warmUp = Duration.ZERO;

		@Option(names = "--duration", paramLabel = "SECONDS", defaultValue = "30s", converter = Seconds.class,
				description = "Each measured load run (default ${DEFAULT-VALUE}).")
		Duration duration = Duration.ZERO;

		@Option(names = "--zadd-requests", paramLabel = "N", defaultValue = "1000000", converter = Positive.class,
				description = "ZADDs per redis-benchmark repetition (default ${DEFAULT-VALUE}).")
		int zaddRequests;

		@Option(names = "--zadd-pipeline", paramLabel = "N", defaultValue = "16", converter = Positive.class,
				description = "redis-benchmark's pipeline depth (default ${DEFAULT-VALUE}).")
		int zaddPipeline;

		@Option(names = "--reed98", paramLabel = "FILE",
				description = "The socfb-Reed98 edge list (default: the one in shared/data/ beside the repository).")
		@Nullable Path reed98;

		@Option(names = "--out", paramLabel = "DIR",
				description = "The report directory (default docs/benchmarks/<today>).")
		@Nullable Path out;

		@Option(names = "--only", paramLabel = "redis,fanout,...", split = ",", hideParamSyntax = true,
				converter = Measurement.class,
				description = "Only these measurements, of redis, fanout, lag, strategies, mixed, gateway, search, "
						+ "media, notifications.")
		List<String> only = new ArrayList<>();

		@Option(names = "--power-law-users", paramLabel = "N", defaultValue = "100000", converter = Positive.class,
				description = "Users of the synthetic power-law graph (default ${DEFAULT-VALUE}).")
		int powerLawUsers;

		@Option(names = "--mixed-rates", paramLabel = "20,40,...", split = ",", hideParamSyntax = true,
				defaultValue = "2,5,10,15,20,30,40,60,80,100,150,200",
				description = "Arrival rates per second the mixed workload climbs through "
						+ "(default ${DEFAULT-VALUE}).")
		List<Double> mixedRates = new ArrayList<>();

		@Option(names = "--search-posts", paramLabel = "N", defaultValue = "1000000", converter = Positive.class,
				description = "Posts the search benchmark indexes (default ${DEFAULT-VALUE}).")
		int searchPosts;

		@Option(names = "--search-queries", paramLabel = "N", defaultValue = "1000", converter = Positive.class,
				description = "Queries the search benchmark times (default ${DEFAULT-VALUE}).")
		int searchQueries;

		@Option(names = "--notification-burst", paramLabel = "N", defaultValue = "10000", converter = Positive.class,
				description = "Likes of one post in the notification scenario's burst (default ${DEFAULT-VALUE}).")
		int notificationBurst;

		BenchmarkOptions toOptions() {
			Path root = this.root.toAbsolutePath();
			Path out = (this.out != null) ? this.out.toAbsolutePath()
					: root.resolve("docs/benchmarks").resolve(LocalDate.now(ZoneOffset.UTC).toString());
			return new BenchmarkOptions(root, out, this.repetitions, this.rate, this.warmUp, this.duration,
					this.zaddRequests, this.zaddPipeline, (this.reed98 != null) ? this.reed98.toAbsolutePath() : null,
					Set.copyOf(this.only), this.powerLawUsers, List.copyOf(this.mixedRates), this.searchPosts,
					this.searchQueries, this.notificationBurst);
		}

	}

	/**
	 * A whole number above zero.
	 */
	static final class Positive implements ITypeConverter<Integer> {

		@Override
		public Integer convert(String value) {
			int number = Integer.parseInt(value);
			if (number <= 0) {
				throw new TypeConversionException("'" + value + "' is not a positive number");
			}
			return number;
		}

	}

	/**
	 * One of the {@link #MEASUREMENTS}, in any case.
	 */
	static final class Measurement implements ITypeConverter<String> {

		@Override
		public String convert(String value) {
			String measurement = value.strip().toLowerCase(Locale.ROOT);
			if (!MEASUREMENTS.contains(measurement)) {
				throw new TypeConversionException("'" + value + "' is none of " + String.join(", ", MEASUREMENTS));
			}
			return measurement;
		}

	}

	/**
	 * A positive number of seconds, with or without the unit: {@code 30s} or {@code 30}.
	 */
	static final class Seconds implements ITypeConverter<Duration> {

		@Override
		public Duration convert(String value) {
			String digits = value.endsWith("s") ? value.substring(0, value.length() - 1) : value;
			return Duration.ofSeconds(new Positive().convert(digits));
		}

	}

}
