package io.murmur.benchmarks;

import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.murmur.benchmarks.graph.DegreeSummary;
import io.murmur.benchmarks.graph.FollowGraph;
import io.murmur.benchmarks.graph.PowerLawGraph;
import io.murmur.benchmarks.graph.Reed98;
import io.murmur.benchmarks.platform.PlatformEndpoints;
import io.murmur.benchmarks.reference.GatewayOverhead;
import io.murmur.benchmarks.reference.RedisBenchmark;
import io.murmur.benchmarks.report.Figure;
import io.murmur.benchmarks.report.Machine;
import io.murmur.benchmarks.report.ReportWriter;
import io.murmur.benchmarks.report.RunResults;
import io.murmur.benchmarks.report.Spread;
import io.murmur.localstack.LocalStack;

/**
 * One benchmark run against a running platform ({@code benchmarks/run} starts one if
 * needed): the follow graphs, the references and the gateway comparison, repeated, then
 * the report under {@code docs/benchmarks/<date>/}.
 * <p>
 * The home-feed figures (fan-out against the ZADD reference, delivery lag, feed reads per
 * strategy and the mixed workload on Reed98) are listed in {@link #FEED_FIGURES} until
 * their scenarios exist; each adds a measurement here, a field to {@link RunResults} and
 * its key to the summary.
 */
public final class BenchmarkRun {

	private static final Logger logger = LoggerFactory.getLogger(BenchmarkRun.class);

	static final Map<Figure, String> FEED_FIGURES = feedFigures();

	private BenchmarkRun() {
	}

	public static void main(String[] args) {
		BenchmarkOptions options;
		try {
			options = BenchmarkOptions.parse(args);
		}
		catch (IllegalArgumentException ex) {
			System.err.println(ex.getMessage());
			System.exit(2);
			return;
		}
		Machine.Snapshot start = Machine.Snapshot.now();
		Instant startedAt = Instant.now();
		PlatformEndpoints platform = PlatformEndpoints.read(options.root());
		Map<String, FollowGraph> graphs = graphs(options);
		Map<String, DegreeSummary> shapes = new LinkedHashMap<>();
		graphs.forEach((name, graph) -> shapes.put(name, graph.degreeSummary(10_000)));
		Path work = options.root()
			.resolve("benchmarks/target/runs")
			.resolve(LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
		Spread zadd = null;
		RedisBenchmark redisBenchmark = null;
		GatewayOverhead.Result gateway = null;
		GatewayOverhead gatewaySettings = null;
		Map<Figure, String> pending = new EnumMap<>(FEED_FIGURES);
		Machine machine;
		try (LocalStack stack = new LocalStack(work.resolve("processes"))) {
			URI redis = platform.require("redis");
			if (options.runs("redis")) {
				redisBenchmark = new RedisBenchmark(options.zaddRequests(), options.zaddPipeline(), 50, 100_000);
				List<Double> rates = new ArrayList<>();
				for (int i = 0; i < options.repetitions(); i++) {
					rates.add(redisBenchmark.run(redis));
				}
				redisBenchmark.cleanUp(redis);
				zadd = Spread.of(rates);
			}
			if (options.runs("gateway")) {
				gatewaySettings = new GatewayOverhead(options.rate(), options.warmUp(), options.duration(),
						options.repetitions());
				gateway = gatewaySettings.run(stack, options.root(), work, redis, platform.require("user-service"));
			}
			else {
				pending.put(Figure.GATEWAY_ADDED_P50_MS_VS_NGINX, "left out of this run (--only)");
			}
			machine = Machine.describe(start);
		}
		String command = "benchmarks/run" + ((args.length > 0) ? " " + String.join(" ", argsWithoutRoot(args)) : "");
		RunResults results = new RunResults(startedAt, Instant.now(), command.strip(), options.repetitions(), pending,
				zadd, redisBenchmark, gateway, gatewaySettings, shapes, machine);
		ReportWriter.write(results, graphs, options.out());
		logger.info("Report written to {}", options.out());
		System.exit(0);
	}

	private static Map<String, FollowGraph> graphs(BenchmarkOptions options) {
		Map<String, FollowGraph> graphs = new LinkedHashMap<>();
		Optional<Path> reed98 = Optional.ofNullable(options.reed98()).or(() -> Reed98.defaultLocation(options.root()));
		if (reed98.isPresent()) {
			graphs.put("socfb-Reed98", Reed98.read(reed98.get()));
		}
		else {
			logger.warn("socfb-Reed98 not found beside the repository ({}); give it with --reed98",
					Reed98.RELATIVE_PATH);
		}
		graphs.put("power-law", PowerLawGraph.DEFAULT.generate());
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

	private static Map<Figure, String> feedFigures() {
		Map<Figure, String> figures = new EnumMap<>(Figure.class);
		for (Figure figure : Figure.values()) {
			if (figure.needsFeed()) {
				figures.put(figure,
						"needs the home feed (feed-service, GET /api/v1/feed); its scenario is not written yet");
			}
		}
		return figures;
	}

}
