package io.murmur.benchmarks;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.UnmatchedArgumentException;

import io.murmur.benchmarks.graph.DegreeSummary;
import io.murmur.benchmarks.graph.FollowGraph;
import io.murmur.benchmarks.graph.PowerLawGraph;
import io.murmur.benchmarks.graph.Reed98;
import io.murmur.benchmarks.feed.Cast;
import io.murmur.benchmarks.feed.DeliveryLag;
import io.murmur.benchmarks.feed.FanOutThroughput;
import io.murmur.benchmarks.feed.FeedWorld;
import io.murmur.benchmarks.feed.MixedWorkload;
import io.murmur.benchmarks.feed.StrategyComparison;
import io.murmur.benchmarks.load.GatlingRunner;
import io.murmur.benchmarks.media.MediaScenario;
import io.murmur.benchmarks.notification.NotificationScenario;
import io.murmur.benchmarks.platform.BenchmarkPlatform;
import io.murmur.benchmarks.platform.GraphLoader;
import io.murmur.benchmarks.report.CpuMeter;
import io.murmur.benchmarks.report.FeedResults;
import io.murmur.benchmarks.reference.GatewayOverhead;
import io.murmur.benchmarks.reference.RedisBenchmark;
import io.murmur.benchmarks.platform.Accounts;
import io.murmur.benchmarks.report.Figure;
import io.murmur.benchmarks.search.SearchBenchmark;
import io.murmur.benchmarks.report.Machine;
import io.murmur.benchmarks.report.NotificationResults;
import io.murmur.benchmarks.report.ReportWriter;
import io.murmur.benchmarks.report.RunResults;
import io.murmur.benchmarks.report.Settling;
import io.murmur.benchmarks.report.Spread;
import io.murmur.localstack.LocalStack;

/**
 * One benchmark run: a platform of the run's own ({@link BenchmarkPlatform}), the follow
 * graphs loaded into it, the references, the home-feed scenarios, the notification
 * scenario and the gateway comparison, each repeated, then the report under
 * {@code docs/benchmarks/<date>/}. Everything started stops with the run. The command
 * behind {@code benchmarks/run}.
 */
@Command(name = "benchmarks/run", sortOptions = false, usageHelpAutoWidth = true,
		header = "Measure Murmur against its references on this machine.",
		description = { "Starts a platform of its own (stores and services on free ports, beside any",
				"./platform up), loads the graphs, measures, stops it all and writes the report." })
public final class BenchmarkRun implements Callable<Integer> {

	private static final Logger logger = LoggerFactory.getLogger(BenchmarkRun.class);

	static final String POWER_LAW = "power-law";

	static final String REED98 = "socfb-Reed98";

	private static final long SEED = 20_261_121L;

	/**
	 * Measured bursts per fan-out round, at least: a burst lasts under a second, and the
	 * three bursts of one round spread from 83,483 to 109,546 inserts/s in a run of
	 * 2026-12-06, too wide for a median of three to tell two settings apart.
	 */
	static final int FAN_OUT_BURSTS = 7;

	/**
	 * The fan-out configurations measured: feed-service as it ships first, then changes
	 * to it, each measured in the same run.
	 */
	static final List<FanOutThroughput.Round> FAN_OUT_ROUNDS = List.of(
			new FanOutThroughput.Round("as shipped",
					"feed-service's settings: follower ids kept in Redis for 10 minutes after a post reads them "
							+ "from graph-service in pages of 5,000, 100 feeds per merge-script call, a page's "
							+ "pipeline written to Redis at its end, 3 consumers over 3 partitions",
					Map.of()),
			new FanOutThroughput.Round("followers from graph-service",
					"every post reads its author's follower ids from graph-service, as before they were kept",
					Map.of("murmur.feed.fan-out.follower-cache-ttl", "0s")),
			new FanOutThroughput.Round("pipelines written every 4 calls",
					"a page's pipeline goes out to Redis every 4 script calls instead of at its end, so that "
							+ "Redis starts on a page while the rest is encoded, at a system call per write",
					Map.of("murmur.feed.fan-out.pipeline-flush-every", "4")),
			new FanOutThroughput.Round("Redis first on the cores",
					"as shipped, with Redis at nice -10 during the bursts, so that it does not wait for a core "
							+ "while the JVMs use both: the rate fan-out reaches when Redis gets the CPU it asks "
							+ "for, as it would on a machine of its own",
					Map.of(), -10));

	/**
	 * Uploads timed per repetition of the media scenario: with three repetitions, the p99
	 * of each is its slowest upload or next to it.
	 */
	static final int MEDIA_UPLOADS = 60;

	@Mixin
	BenchmarkOptions.Arguments arguments = new BenchmarkOptions.Arguments();

	@Option(names = { "-h", "--help" }, usageHelp = true, description = "Show this help and exit.")
	boolean help;

	private final String[] args;

	private BenchmarkRun(String[] args) {
		this.args = args;
	}

	public static void main(String[] args) {
		System.exit(new CommandLine(new BenchmarkRun(args)).setParameterExceptionHandler((ex, arguments) -> {
			ex.getCommandLine().getErr().println(ex.getMessage());
			UnmatchedArgumentException.printSuggestions(ex, ex.getCommandLine().getErr());
			ex.getCommandLine().getErr().println("Run benchmarks/run --help for usage.");
			return CommandLine.ExitCode.USAGE;
		}).execute(args));
	}

	@Override
	public Integer call() {
		run(this.arguments.toOptions(), this.args);
		return CommandLine.ExitCode.OK;
	}

	private static void run(BenchmarkOptions options, String[] args) {
		Machine.Snapshot start = Machine.Snapshot.now();
		Instant startedAt = Instant.now();
		Map<String, FollowGraph> graphs = graphs(options);
		Map<String, DegreeSummary> shapes = new LinkedHashMap<>();
		graphs
			.forEach((name, graph) -> shapes.put(name, graph.degreeSummary(BenchmarkPlatform.DEFAULT_PUSH_THRESHOLD)));
		Path work = options.root()
			.resolve("benchmarks/target/runs")
			.resolve(LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
		GatlingRunner gatling = new GatlingRunner(work.resolve("gatling"));
		Spread zadd = null;
		List<Map<String, Double>> zaddCores = new ArrayList<>();
		Settling settling = Settling.standard();
		RedisBenchmark redisBenchmark = null;
		GatewayOverhead.Result gateway = null;
		GatewayOverhead gatewaySettings = null;
		Map<Figure, String> pending = new EnumMap<>(Figure.class);
		FeedResults feed;
		NotificationResults notifications;
		Machine machine;
		SearchBenchmark.Result search;
		MediaScenario.Result media;
		// The stores with their full JIT, as in production: with C1 only, as tests start
		// them, Cassandra and Neo4j were the two busiest processes of a run.
		try (LocalStack stack = new LocalStack(work.resolve("processes"), true)) {
			BenchmarkPlatform platform = BenchmarkPlatform.start(stack, options.root());
			logger.info("Platform up: gateway {}", platform.gatewayUrl());
			URI redis = platform.redis();
			redisBenchmark = new RedisBenchmark(options.zaddRequests(), options.zaddPipeline(), 50, 100_000);
			RedisBenchmark reference = redisBenchmark;
			List<Double> rates = new ArrayList<>();
			Runnable zaddReference = () -> {
				if (options.runs("redis")) {
					settling.await("the ZADD reference");
					for (int i = 0; i < options.repetitions(); i++) {
						CpuMeter cpu = CpuMeter.ofThisRun();
						CpuMeter.Reading before = cpu.read();
						rates.add(reference.run(redis));
						zaddCores.add(cpu.coresBetween(before, cpu.read()));
					}
					reference.cleanUp(redis);
				}
			};
			feed = feedScenarios(options, platform, graphs, gatling, work, pending, zaddReference, settling);
			if (rates.isEmpty()) {
				zaddReference.run();
			}
			notifications = notificationScenario(options, platform, gatling, work, pending, settling);
			zadd = rates.isEmpty() ? null : Spread.of(rates);
			if (options.runs("gateway")) {
				settling.await("the gateway comparison");
				gatewaySettings = new GatewayOverhead(options.rate(), options.warmUp(), options.duration(),
						options.repetitions());
				gateway = gatewaySettings.run(stack, options.root(), work, redis, platform.userServiceUrl());
			}
			else {
				pending.put(Figure.GATEWAY_ADDED_P50_MS_VS_NGINX, "left out of this run (--only)");
			}
			search = search(options, platform, settling, pending);
			media = media(options, platform, settling, pending, work.resolve("media"));
			machine = Machine.describe(start);
		}
		String command = "benchmarks/run" + ((args.length > 0) ? " " + String.join(" ", argsWithoutRoot(args)) : "");
		RunResults results = new RunResults(startedAt, Instant.now(), command.strip(), options.repetitions(), pending,
				zadd, redisBenchmark, zaddCores, gateway, gatewaySettings, shapes, machine, feed, settling.waits(),
				search, media, notifications);
		ReportWriter.write(results, graphs, options.out());
		logger.info("Report written to {}", options.out());
	}

	private static SearchBenchmark.@Nullable Result search(BenchmarkOptions options, BenchmarkPlatform platform,
			Settling settling, Map<Figure, String> pending) {
		List<Figure> figures = List.of(Figure.SEARCH_INDEXING_RATIO_VS_RAW_BULK, Figure.SEARCH_P99_MS,
				Figure.SEARCH_INDEX_LAG_P99_MS);
		if (!options.runs("search")) {
			figures.forEach((figure) -> pending.put(figure, "left out of this run (--only)"));
			return null;
		}
		return attempt(() -> {
			platform.startSearch();
			Accounts accounts = new Accounts(platform.userServiceUrl(), SearchBenchmark.ACCOUNTS);
			List<String> tokens;
			try {
				tokens = java.nio.file.Files
					.readAllLines(accounts.writeTokens(java.nio.file.Files.createTempFile("search-tokens", ".txt")));
			}
			catch (java.io.IOException ex) {
				throw new java.io.UncheckedIOException(ex);
			}
			settling.await("the search scenario");
			return new SearchBenchmark(options.searchPosts(), options.searchQueries(), options.warmUp(),
					options.duration().multipliedBy(2), 5, 2)
				.run(platform, tokens, settling);
		}, pending, figures.toArray(Figure[]::new));
	}

	private static MediaScenario.@Nullable Result media(BenchmarkOptions options, BenchmarkPlatform platform,
			Settling settling, Map<Figure, String> pending, Path work) {
		List<Figure> figures = List.of(Figure.MEDIA_PROCESSING_RATIO_VS_DECODE_RESIZE,
				Figure.MEDIA_UPLOAD_TO_READY_P50_MS, Figure.MEDIA_UPLOAD_TO_READY_P99_MS);
		if (!options.runs("media")) {
			figures.forEach((figure) -> pending.put(figure, "left out of this run (--only)"));
			return null;
		}
		settling.await("the media scenario");
		MediaScenario scenario = new MediaScenario(options.duration(), 6, MEDIA_UPLOADS, options.repetitions());
		return attempt(() -> scenario.run(platform, options.root(), work), pending, figures.toArray(Figure[]::new));
	}

	private static FeedResults feedScenarios(BenchmarkOptions options, BenchmarkPlatform platform,
			Map<String, FollowGraph> graphs, GatlingRunner gatling, Path work, Map<Figure, String> pending,
			Runnable zaddReference, Settling settling) {
		GraphLoader loader = new GraphLoader(platform);
		Map<String, Map<String, Double>> loading = new LinkedHashMap<>();
		List<FanOutThroughput.RoundResult> fanOut = null;
		List<DeliveryLag.Sample> lag = null;
		DeliveryLag lagSettings = null;
		Map<StrategyComparison.Strategy, StrategyComparison.Result> strategies = null;
		StrategyComparison strategySettings = null;
		List<MixedWorkload.Climb> mixed = null;
		MixedWorkload mixedSettings = null;
		int repetitions = options.repetitions();
		if (options.runs("fanout") || options.runs("lag") || options.runs("strategies")) {
			FollowGraph powerLaw = graphs.get(POWER_LAW);
			GraphLoader.LoadedGraph loaded = loader.load(powerLaw, "pl_");
			loading.put(POWER_LAW,
					Map.of("users_seconds", loaded.usersSeconds(), "follows_seconds", loaded.followsSeconds()));
			Cast cast = Cast.of(powerLaw, BenchmarkPlatform.DEFAULT_PUSH_THRESHOLD, 300, 200, SEED);
			List<Integer> probes = Cast.aFollowerOf(powerLaw, cast.lagAuthors(), SEED);
			FeedWorld world = FeedWorld.prepare(platform, loader, loaded, cast, probes, 3);
			zaddReference.run();
			if (options.runs("fanout")) {
				fanOut = attempt(() -> new FanOutThroughput(Math.max(repetitions, FAN_OUT_BURSTS), FAN_OUT_ROUNDS,
						work.resolve("profiles"), settling)
					.run(world), pending, Figure.FANOUT_RATIO_VS_REDIS);
			}
			if (options.runs("lag")) {
				lagSettings = new DeliveryLag(repetitions, options.warmUp(), options.duration().multipliedBy(2), 5,
						Duration.ofSeconds(3));
				DeliveryLag settings = lagSettings;
				lag = attempt(() -> {
					world.markEveryFeedKept();
					settling.await("the delivery lag");
					return settings.run(world, probes, gatling, work);
				}, pending, Figure.DELIVERY_LAG_P50_MS, Figure.DELIVERY_LAG_P99_MS);
			}
			if (options.runs("strategies")) {
				strategySettings = new StrategyComparison(repetitions, 8, options.warmUp(),
						options.duration().dividedBy(3).multipliedBy(2), 60);
				StrategyComparison settings = strategySettings;
				strategies = attempt(() -> {
					settling.await("the strategy comparison");
					return settings.run(world, gatling, work);
				}, pending, Figure.FEED_READ_P99_MS, Figure.HYBRID_VS_PUSH_READ_P99_RATIO);
			}
		}
		if (options.runs("mixed")) {
			FollowGraph reed98 = graphs.get(REED98);
			if (reed98 == null) {
				pending.put(Figure.MIXED_MAX_RPS_AT_P99_100MS, "socfb-Reed98 was not found (give it with --reed98)");
			}
			else {
				GraphLoader.LoadedGraph loaded = loader.load(reed98, "reed_");
				loading.put(REED98,
						Map.of("users_seconds", loaded.usersSeconds(), "follows_seconds", loaded.followsSeconds()));
				FeedWorld world = FeedWorld.prepare(platform, loader, loaded,
						Cast.everyone(reed98, BenchmarkPlatform.DEFAULT_PUSH_THRESHOLD), List.of(), 3);
				mixedSettings = new MixedWorkload(repetitions, options.mixedRates(), options.warmUp(),
						options.duration(), 100);
				MixedWorkload settings = mixedSettings;
				mixed = attempt(() -> {
					settling.await("the mixed workload");
					return settings.run(world, gatling, work);
				}, pending, Figure.MIXED_MAX_RPS_AT_P99_100MS);
			}
		}
		if (fanOut == null || !options.runs("redis")) {
			pending.putIfAbsent(Figure.FANOUT_RATIO_VS_REDIS, "left out of this run (--only)");
		}
		if (lag == null) {
			pending.putIfAbsent(Figure.DELIVERY_LAG_P50_MS, "left out of this run (--only)");
			pending.putIfAbsent(Figure.DELIVERY_LAG_P99_MS, "left out of this run (--only)");
		}
		if (strategies == null) {
			pending.putIfAbsent(Figure.FEED_READ_P99_MS, "left out of this run (--only)");
			pending.putIfAbsent(Figure.HYBRID_VS_PUSH_READ_P99_RATIO, "left out of this run (--only)");
		}
		if (mixed == null) {
			pending.putIfAbsent(Figure.MIXED_MAX_RPS_AT_P99_100MS, "left out of this run (--only)");
		}
		return new FeedResults(loading, fanOut, lag, lagSettings, strategies, strategySettings, mixed, mixedSettings);
	}

	private static @Nullable NotificationResults notificationScenario(BenchmarkOptions options,
			BenchmarkPlatform platform, GatlingRunner gatling, Path work, Map<Figure, String> pending,
			Settling settling) {
		Figure[] figures = { Figure.NOTIFICATIONS_STORED_PER_SECOND, Figure.NOTIFICATION_FIRST_PAGE_P99_MS,
				Figure.NOTIFICATION_UNREAD_COUNT_P99_MS, Figure.NOTIFICATION_STREAM_LAG_P99_MS };
		if (!options.runs("notifications")) {
			for (Figure figure : figures) {
				pending.put(figure, "left out of this run (--only)");
			}
			return null;
		}
		NotificationScenario scenario = new NotificationScenario(options.repetitions(), options.notificationBurst(), 8,
				options.warmUp(), options.duration(), 5, 5, Duration.ofSeconds(2));
		List<NotificationScenario.Sample> samples = attempt(() -> {
			platform.startNotificationService();
			return scenario.run(platform, new GraphLoader(platform), gatling, work, settling);
		}, pending, figures);
		return (samples != null) ? new NotificationResults(scenario, samples) : null;
	}

	/**
	 * Runs one scenario; when it fails, the run goes on and the report names its figures
	 * as not measured, with the failure, rather than losing every other figure.
	 */
	private static <T> @Nullable T attempt(java.util.function.Supplier<T> scenario, Map<Figure, String> pending,
			Figure... figures) {
		try {
			return scenario.get();
		}
		catch (RuntimeException ex) {
			logger.error("Scenario for {} failed", java.util.Arrays.toString(figures), ex);
			for (Figure figure : figures) {
				pending.put(figure, "its scenario failed in this run: " + ex.getMessage());
			}
			return null;
		}
	}

	private static Map<String, FollowGraph> graphs(BenchmarkOptions options) {
		Map<String, FollowGraph> graphs = new LinkedHashMap<>();
		Optional<Path> reed98 = Optional.ofNullable(options.reed98()).or(() -> Reed98.defaultLocation(options.root()));
		if (reed98.isPresent()) {
			graphs.put(REED98, Reed98.read(reed98.get()));
		}
		else {
			logger.warn("socfb-Reed98 not found beside the repository ({}); give it with --reed98",
					Reed98.RELATIVE_PATH);
		}
		PowerLawGraph powerLaw = PowerLawGraph.DEFAULT;
		graphs.put(POWER_LAW, new PowerLawGraph(options.powerLawUsers(), powerLaw.meanFollowing(),
				powerLaw.zipfExponent(), powerLaw.seed())
			.generate());
		return graphs;
	}

	private static List<String> argsWithoutRoot(String[] args) {
		List<String> kept = new ArrayList<>();
		for (int i = 0; i < args.length; i++) {
			if (args[i].equals("--root") && i + 1 < args.length) {
				i++;
			}
			else {
				kept.add(args[i]);
			}
		}
		return kept;
	}

}
