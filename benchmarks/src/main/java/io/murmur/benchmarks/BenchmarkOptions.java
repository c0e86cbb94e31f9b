package io.murmur.benchmarks;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;

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
 * {@code strategies}, {@code mixed}, {@code gateway}, {@code notifications}), all if
 * empty
 * @param powerLawUsers the users of the synthetic power-law graph
 * @param mixedRates the arrival rates the mixed workload climbs through
 * @param notificationBurst the likes of one post in the notification scenario's burst
 */
record BenchmarkOptions(Path root, Path out, int repetitions, double rate, Duration warmUp, Duration duration,
		int zaddRequests, int zaddPipeline, @Nullable Path reed98, Set<String> only, int powerLawUsers,
		List<Double> mixedRates, int notificationBurst) {

	static final String USAGE = """
			Usage: benchmarks/run [--repetitions N] [--rate PER_SECOND] [--warm-up 15s] [--duration 30s]
			                      [--zadd-requests N] [--zadd-pipeline N] [--reed98 FILE] [--out DIR]
			                      [--only redis,fanout,lag,strategies,mixed,gateway,notifications]
			                      [--power-law-users N] [--mixed-rates 20,40,...] [--notification-burst N]
			""";

	static BenchmarkOptions parse(String... args) {
		Path root = Path.of("").toAbsolutePath();
		Path out = null;
		int repetitions = 3;
		int powerLawUsers = 100_000;
		List<Double> mixedRates = List.of(2.0, 5.0, 10.0, 15.0, 20.0, 30.0, 40.0, 60.0, 80.0, 100.0, 150.0, 200.0);
		double rate = 50;
		Duration warmUp = Duration.ofSeconds(10);
		Duration duration = Duration.ofSeconds(30);
		int zaddRequests = 1_000_000;
		int zaddPipeline = 16;
		Path reed98 = null;
		Set<String> only = Set.of();
		int notificationBurst = 10_000;
		for (int i = 0; i < args.length; i++) {
			String option = args[i];
			if (i + 1 >= args.length) {
				throw new IllegalArgumentException("Missing value for " + option + "\n" + USAGE);
			}
			String value = args[++i];
			switch (option) {
				case "--root" -> root = Path.of(value).toAbsolutePath();
				case "--out" -> out = Path.of(value).toAbsolutePath();
				case "--repetitions" -> repetitions = positive(option, Integer.parseInt(value));
				case "--rate" -> rate = positive(option, (int) Math.round(Double.parseDouble(value)));
				case "--warm-up" -> warmUp = seconds(value);
				case "--duration" -> duration = seconds(value);
				case "--zadd-requests" -> zaddRequests = positive(option, Integer.parseInt(value));
				case "--zadd-pipeline" -> zaddPipeline = positive(option, Integer.parseInt(value));
				case "--reed98" -> reed98 = Path.of(value).toAbsolutePath();
				case "--only" -> only = Set.of(value.toLowerCase(Locale.ROOT).split(","));
				case "--power-law-users" -> powerLawUsers = positive(option, Integer.parseInt(value));
				case "--mixed-rates" -> mixedRates = Arrays.stream(value.split(",")).map(Double::valueOf).toList();
				case "--notification-burst" -> notificationBurst = positive(option, Integer.parseInt(value));
				default -> throw new IllegalArgumentException("Unknown option " + option + "\n" + USAGE);
			}
		}
		if (out == null) {
			out = root.resolve("docs/benchmarks").resolve(LocalDate.now(ZoneOffset.UTC).toString());
		}
		return new BenchmarkOptions(root, out, repetitions, rate, warmUp, duration, zaddRequests, zaddPipeline, reed98,
				only, powerLawUsers, mixedRates, notificationBurst);
	}

	boolean runs(String measurement) {
		return this.only.isEmpty() || this.only.contains(measurement);
	}

	private static int positive(String option, int value) {
		if (value <= 0) {
			throw new IllegalArgumentException(option + " must be positive");
		}
		return value;
	}

	private static Duration seconds(String value) {
		String digits = value.endsWith("s") ? value.substring(0, value.length() - 1) : value;
		return Duration.ofSeconds(positive("a duration", Integer.parseInt(digits)));
	}

}
