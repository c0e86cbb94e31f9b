package io.murmur.benchmarks.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import io.murmur.benchmarks.graph.DegreeSummary;
import io.murmur.benchmarks.graph.FollowGraph;
import io.murmur.benchmarks.load.LatencySample;
import io.murmur.benchmarks.reference.GatewayOverhead;
import io.murmur.benchmarks.search.SearchBenchmark;
import io.murmur.benchmarks.reference.GatewayOverhead.Target;

/**
 * Writes a run's report into one directory: {@code summary.json} (the headline figures
 * under fixed keys, {@code null} while not measured, then the details), a
 * {@code README.md} that reads the run, and the PNG charts.
 */
public final class ReportWriter {

	static final String GATEWAY_DEFINITION = "gateway-added p50 minus nginx-added p50, where X-added pN = pN "
			+ "through X minus pN direct to the same upstream in the same repetition; median over repetitions "
			+ "(it equals the gateway's p50 minus nginx's p50)";

	private static final JsonMapper json = JsonMapper.builder()
		.propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
		.enable(SerializationFeature.INDENT_OUTPUT)
		.build();

	private ReportWriter() {
	}

	/**
	 * Writes the report.
	 * @param results what the run measured
	 * @param graphs the follow graphs whose shapes are charted
	 * @param dir the report directory
	 */
	public static void write(RunResults results, Map<String, FollowGraph> graphs, Path dir) {
		try {
			Files.createDirectories(dir);
			Files.writeString(dir.resolve("summary.json"), json.writeValueAsString(summary(results)) + "\n");
			if (results.gatewayOverhead() != null) {
				Charts.gatewayOverhead(results.gatewayOverhead(), 50, dir.resolve("gateway-overhead-p50.png"));
				Charts.gatewayOverhead(results.gatewayOverhead(), 99, dir.resolve("gateway-overhead-p99.png"));
			}
			if (results.redisZadd() != null && results.redisSettings() != null) {
				Charts.redisZadd(results.redisZadd(), results.redisSettings().pipeline(),
						dir.resolve("redis-zadd.png"));
			}
			FeedCharts.write(results.feed(), dir);
			if (results.search() != null) {
				Charts.search(results.search(), dir.resolve("search.png"));
			}
			if (results.media() != null) {
				MediaReport.charts(results.media(), dir);
			}
			if (results.notifications() != null) {
				NotificationReport.chart(results.notifications(), dir);
			}
			if (!graphs.isEmpty()) {
				Charts.followerDistribution(graphs, dir.resolve("follower-distribution.png"));
			}
			Files.writeString(dir.resolve("README.md"), readme(results));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static Map<String, @Nullable Object> summary(RunResults results) {
		Map<String, @Nullable Object> summary = new LinkedHashMap<>();
		summary.put("status", results.isPartial() ? "partial" : "complete");
		summary.put("started_at", results.startedAt().toString());
		summary.put("finished_at", results.finishedAt().toString());
		summary.put("command", results.command());
		summary.put("repetitions", results.repetitions());
		summary.put("pending", results.pendingLines());
		GatewayOverhead.Result gateway = results.gatewayOverhead();
		for (Figure figure : Figure.values()) {
			summary.put(figure.key(), value(results, figure));
		}
		summary.put("machine", results.machine());
		summary.put("settling", results.settling());
		Map<String, Object> details = new LinkedHashMap<>();
		if (results.redisZadd() != null) {
			Map<String, Object> zadd = new LinkedHashMap<>();
			zadd.put("spread", results.redisZadd());
			zadd.put("settings", results.redisSettings());
			zadd.put("cores_busy", results.redisZaddCores());
			details.put("redis_zadd_per_second", zadd);
		}
		if (gateway != null && results.gatewaySettings() != null) {
			details.put("gateway_overhead", gatewayDetails(gateway, results.gatewaySettings()));
		}
		details.putAll(new FeedFigures(results.feed(), results.redisZadd(), results.redisZaddCores()).details());
		if (results.media() != null) {
			details.put("media", MediaReport.details(results.media()));
		}
		if (results.notifications() != null) {
			details.putAll(NotificationReport.details(results.notifications()));
		}
		details.put("graphs", results.graphs());
		if (results.search() != null) {
			details.put("search", results.search());
		}
		summary.put("details", details);
		return summary;
	}

	private static @Nullable Object value(RunResults results, Figure figure) {
		GatewayOverhead.Result gateway = results.gatewayOverhead();
		SearchBenchmark.Result search = results.search();
		FeedFigures feed = new FeedFigures(results.feed(), results.redisZadd(), results.redisZaddCores());
		return switch (figure) {
			case GATEWAY_ADDED_P50_MS_VS_NGINX ->
				(gateway != null) ? Spread.of(gateway.gatewayVsNginx(50)).median() : null;
			case FANOUT_RATIO_VS_REDIS -> feed.fanOutRatio();
			case DELIVERY_LAG_P50_MS -> median(feed.lag(50));
			case DELIVERY_LAG_P99_MS -> median(feed.lag(99));
			case FEED_READ_P99_MS -> {
				Map<String, @Nullable Double> strategies = feed.readP99ByStrategy();
				if (strategies != null) {
					yield strategies;
				}
				Map<String, @Nullable Object> unmeasured = new LinkedHashMap<>();
				unmeasured.put("push", null);
				unmeasured.put("pull", null);
				unmeasured.put("hybrid", null);
				yield unmeasured;
			}
			case HYBRID_VS_PUSH_READ_P99_RATIO -> feed.hybridVsPush();
			case MIXED_MAX_RPS_AT_P99_100MS -> median(feed.mixedMax());
			case SEARCH_INDEXING_RATIO_VS_RAW_BULK -> (search != null) ? search.ratio() : null;
			case SEARCH_P99_MS -> (search != null) ? search.gateway().get("p99_ms") : null;
			case SEARCH_INDEX_LAG_P99_MS -> (search != null) ? search.lag().get("p99_ms") : null;
			case MEDIA_PROCESSING_RATIO_VS_DECODE_RESIZE ->
				(results.media() != null) ? round(Spread.of(results.media().ratio()).median(), 3) : null;
			case MEDIA_UPLOAD_TO_READY_P50_MS ->
				(results.media() != null) ? round(Spread.of(results.media().p50Ms()).median(), 1) : null;
			case MEDIA_UPLOAD_TO_READY_P99_MS ->
				(results.media() != null) ? round(Spread.of(results.media().p99Ms()).median(), 1) : null;
			case NOTIFICATIONS_STORED_PER_SECOND -> notifications(results, NotificationResults::storedPerSecond);
			case NOTIFICATION_FIRST_PAGE_P99_MS -> notifications(results, NotificationResults::firstPageP99);
			case NOTIFICATION_UNREAD_COUNT_P99_MS -> notifications(results, NotificationResults::unreadCountP99);
			case NOTIFICATION_STREAM_LAG_P99_MS -> notifications(results, NotificationResults::streamLagP99);
		};
	}

	private static double round(double value, int decimals) {
		return java.math.BigDecimal.valueOf(value).setScale(decimals, java.math.RoundingMode.HALF_UP).doubleValue();
	}

	private static @Nullable Double notifications(RunResults results, Function<NotificationResults, Spread> figure) {
		return (results.notifications() != null) ? figure.apply(results.notifications()).median() : null;
	}

	private static @Nullable Double median(@Nullable Spread spread) {
		return (spread != null) ? spread.median() : null;
	}

	private static Map<String, Object> gatewayDetails(GatewayOverhead.Result result, GatewayOverhead settings) {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("definition", GATEWAY_DEFINITION);
		details.put("gateway_added_p50_ms_vs_nginx", Spread.of(result.gatewayVsNginx(50)));
		details.put("gateway_added_p99_ms_vs_nginx", Spread.of(result.gatewayVsNginx(99)));
		for (Target target : Target.values()) {
			String name = target.name().toLowerCase(Locale.ROOT);
			details.put(name + "_p50_ms", Spread.of(result.percentile(target, 50)));
			details.put(name + "_p99_ms", Spread.of(result.percentile(target, 99)));
			if (target != Target.DIRECT) {
				details.put(name + "_added_p50_ms", Spread.of(result.added(target, 50)));
				details.put(name + "_added_p99_ms", Spread.of(result.added(target, 99)));
			}
		}
		details.put("failed_requests", result.failed());
		details.put("accounts", result.accounts());
		Map<String, Object> run = new LinkedHashMap<>();
		run.put("rate_per_second", settings.rate());
		run.put("warm_up", settings.warmUp().toString());
		run.put("duration", settings.duration().toString());
		run.put("repetitions", settings.repetitions());
		run.put("path", GatewayOverhead.PATH);
		run.put("resolution_ms", 1);
		details.put("settings", run);
		details.put("samples", result.samples());
		return details;
	}

	static String readme(RunResults results) {
		StringBuilder md = new StringBuilder();
		String date = DateTimeFormatter.ISO_LOCAL_DATE.format(results.startedAt().atOffset(ZoneOffset.UTC));
		md.append("# Benchmark run of ").append(date).append(results.isPartial() ? " (partial)" : "").append("\n\n");
		md.append("Run with `")
			.append(results.command())
			.append("` from ")
			.append(results.startedAt())
			.append(" to ")
			.append(results.finishedAt())
			.append(". Every figure is the median over ")
			.append(results.repetitions())
			.append(" repetitions, with the smallest and largest value beside it; `summary.json` has every value.\n\n");
		if (results.isPartial()) {
			md.append("**Partial**: not measured in this run:\n\n");
			results.pendingLines().forEach((line) -> md.append("- ").append(line).append('\n'));
			md.append('\n');
		}
		md.append("## Headline figures\n\n| figure | value |\n| --- | --- |\n");
		for (Figure figure : Figure.values()) {
			md.append("| `")
				.append(figure.key())
				.append("` | ")
				.append(format(figure, value(results, figure)))
				.append(" |\n");
		}
		md.append('\n');
		if (results.redisZadd() != null && results.redisSettings() != null) {
			Spread zadd = results.redisZadd();
			md.append("## Reference: redis-benchmark pipelined ZADD\n\n")
				.append(String.format(Locale.ROOT,
						"`redis-benchmark -t zadd -P %d -n %d -c %d -r %d --csv` against the platform's Redis: "
								+ "**%,.0f ZADD/s** (min %,.0f, max %,.0f). This is the ceiling fan-out is "
								+ "compared with (`fanout_ratio_vs_redis`).\n\n![ZADD rate](redis-zadd.png)\n\n",
						results.redisSettings().pipeline(), results.redisSettings().requests(),
						results.redisSettings().clients(), results.redisSettings().keyspace(), zadd.median(),
						zadd.min(), zadd.max()));
			if (!results.redisZaddCores().isEmpty()) {
				md.append("Cores kept busy during each repetition (`everything else` includes redis-benchmark):\n\n");
				results.redisZaddCores()
					.forEach((cores) -> md.append("- ")
						.append(String.join(", ", cores.entrySet()
							.stream()
							.map((entry) -> String.format(Locale.ROOT, "%s %.2f", entry.getKey(), entry.getValue()))
							.toList()))
						.append('\n'));
				md.append('\n');
			}
		}
		SearchBenchmark.Result search = results.search();
		if (search != null) {
			md.append("## Search\n\n")
				.append(String.format(Locale.ROOT,
						"%,d synthetic posts published to Kafka as post-service's relay would while search-service "
								+ "was stopped, then timed from search-service's start (once ready) until the posts "
								+ "alias counts them: **%,.0f posts/s** through search-service (the client's bulk ingester) "
								+ "against **%,.0f posts/s** for the same documents bulk-loaded straight into an index "
								+ "with the same mapping (%d a request): ratio **%.2f** (target 0.7). Both loads ran "
								+ "with the post topic's other consumers (feed-, media- and notification-service) "
								+ "stopped, started again after past the synthetic posts.%n%n",
						search.posts(), search.servicePostsPerSecond(), search.rawPostsPerSecond(),
						SearchBenchmark.RAW_BULK_SIZE, search.ratio()))
				.append("| one-word post search | p50 ms | p99 ms | max ms |\n| --- | --- | --- | --- |\n")
				.append(String.format(Locale.ROOT, "| through the gateway | %.1f | %.1f | %.1f |%n",
						search.gateway().get("p50_ms"), search.gateway().get("p99_ms"), search.gateway().get("max_ms")))
				.append(String.format(Locale.ROOT, "| direct to Elasticsearch | %.1f | %.1f | %.1f |%n%n",
						search.direct().get("p50_ms"), search.direct().get("p99_ms"), search.direct().get("max_ms")))
				.append(String.format(Locale.ROOT,
						"Index lag (a post's 201 to search finding it, polled every %d ms through the gateway) "
								+ "under posts at %.1f/s from %d accounts in turn, each searched for by one of %d "
								+ "others, with readers reading feeds and searching, for %s after %s of warm-up: "
								+ "p50 %.0f ms, **p99 %.0f ms** over %d posts (target p99 2 s); calls of the "
								+ "measurement that failed: %s.%n%n![search](search.png)%n%n",
						SearchBenchmark.LAG_POLL_MILLIS, search.lagPostsPerSecond(), SearchBenchmark.LAG_POSTERS,
						SearchBenchmark.LAG_WATCHERS, search.lagDuration(), search.lagWarmUp(),
						search.lag().get("p50_ms"), search.lag().get("p99_ms"), search.lagPosts(),
						failures(search.lagFailures())));
		}
		GatewayOverhead.Result gateway = results.gatewayOverhead();
		GatewayOverhead settings = results.gatewaySettings();
		if (gateway != null && settings != null) {
			md.append("## Gateway overhead next to nginx\n\n");
			md.append(String.format(Locale.ROOT,
					"One upstream (an nginx answering a fixed feed page) reached three ways with the same Gatling "
							+ "settings: %.0f requests/s (open model), a %s warm-up ramp then %s measured, per target and "
							+ "repetition, `GET /api/v1/feed?limit=20` with a bearer token, spread over %d accounts. "
							+ "The gateway is a second instance of the platform's jar and configuration whose feed "
							+ "route leads to the upstream: it checks every token against user-service's JWKS and "
							+ "counts every request in Redis, as in production. Failed requests: %d.%n%n",
					settings.rate(), settings.warmUp(), settings.duration(), gateway.accounts(), gateway.failed()));
			md.append("| path | p50 ms | p99 ms | added p50 ms | added p99 ms | failed requests |\n"
					+ "| --- | --- | --- | --- | --- | --- |\n");
			for (Target target : Target.values()) {
				md.append("| ")
					.append(target.name().toLowerCase(Locale.ROOT))
					.append(" | ")
					.append(cell(Spread.of(gateway.percentile(target, 50))))
					.append(" | ")
					.append(cell(Spread.of(gateway.percentile(target, 99))))
					.append(" | ")
					.append((target != Target.DIRECT) ? cell(Spread.of(gateway.added(target, 50))) : "-")
					.append(" | ")
					.append((target != Target.DIRECT) ? cell(Spread.of(gateway.added(target, 99))) : "-")
					.append(" | ")
					.append(gateway.samples().get(target).stream().mapToLong(LatencySample::failed).sum())
					.append(" |\n");
			}
			md.append("\n`gateway_added_p50_ms_vs_nginx` = ")
				.append(GATEWAY_DEFINITION)
				.append(": ")
				.append(cell(Spread.of(gateway.gatewayVsNginx(50))))
				.append(" ms; the same at p99: ")
				.append(cell(Spread.of(gateway.gatewayVsNginx(99))))
				.append(" ms. Gatling measures whole milliseconds, so differences below 1 ms do not show.\n\n")
				.append("![Gateway overhead, p50](gateway-overhead-p50.png)\n![Gateway overhead, p99](gateway-overhead-p99.png)\n\n");
		}
		md.append(FeedReadme.sections(results.feed(),
				new FeedFigures(results.feed(), results.redisZadd(), results.redisZaddCores())));
		if (results.media() != null) {
			md.append(MediaReport.section(results.media()));
		}
		if (results.notifications() != null) {
			md.append(NotificationReport.readme(results.notifications()));
		}
		if (!results.graphs().isEmpty()) {
			md.append("## Follow graphs\n\n| graph | users | follows | median followers | p99 | max | "
					+ "top 1% share | celebrities |\n| --- | --- | --- | --- | --- | --- | --- | --- |\n");
			results.graphs().forEach((name, graph) -> md.append(graphRow(name, graph)));
			md.append("\n![Follower distribution](follower-distribution.png)\n\n");
		}
		Machine machine = results.machine();
		md.append("## Machine\n\n")
			.append(String.format(Locale.ROOT,
					"%d cores, %,d MB memory (%,d MB available at the end), load average %s at the start and %s at "
							+ "the end; %s; %s. The stores that run on the JVM (Cassandra, Neo4j, Kafka) ran with "
							+ "their full JIT, as in production.%n%nThe processes that used the most CPU during the run, "
							+ "among those still "
							+ "running at its end (the benchmark's load generator and short-lived processes such as "
							+ "other builds' test JVMs are gone by then):%n%n| pid | CPU s | command |%n| --- | --- | --- |%n",
					machine.cores(), machine.memoryTotalMb(), machine.memoryAvailableMb(), machine.loadAverageAtStart(),
					machine.loadAverageAtEnd(), machine.jdk(), machine.os()));
		machine.busiestProcesses()
			.forEach((process) -> md.append(String.format(Locale.ROOT, "| %d | %.1f | `%s` |%n", process.pid(),
					process.cpuSeconds(), process.command().replace("|", "\\|").replace("`", "'"))));
		if (!results.settling().isEmpty()) {
			md.append("\nBefore each measurement the run waited until the machine kept fewer than half a core busy "
					+ "over 5 s (at most 10 minutes): loading a graph leaves work behind it.\n\n"
					+ "| before | waited, s | settled | busiest over the last 5 s, cores |\n| --- | --- | --- | --- |\n");
			results.settling()
				.forEach((wait) -> md.append(String.format(Locale.ROOT, "| %s | %d | %s | %s |%n", wait.before(),
						wait.seconds(), wait.settled() ? "yes" : "no",
						String.join(", ", wait.cores()
							.entrySet()
							.stream()
							.filter((entry) -> entry.getValue() >= 0.05)
							.map((entry) -> String.format(Locale.ROOT, "%s %.2f", entry.getKey(), entry.getValue()))
							.toList()))));
		}
		return md.toString();
	}

	private static String graphRow(String name, DegreeSummary graph) {
		return String.format(Locale.ROOT, "| %s | %,d | %,d | %d | %d | %,d | %.1f%% | %d (>= %,d) |%n", name,
				graph.users(), graph.edges(), graph.medianFollowers(), graph.p99Followers(), graph.maxFollowers(),
				100 * graph.top1PercentShare(), graph.celebrities(), graph.celebrityThreshold());
	}

	private static String cell(Spread spread) {
		return String.format(Locale.ROOT, "%s (%s – %s)", number(spread.median()), number(spread.min()),
				number(spread.max()));
	}

	/**
	 * A headline figure as summary.json has it, already rounded, so that a ratio such as
	 * 0.09 does not read 0.1.
	 */
	private static String number(double value) {
		return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
	}

	private static String format(Figure figure, @Nullable Object value) {
		if (value == null) {
			return "not measured yet";
		}
		if (value instanceof Map<?, ?> map) {
			return map.values().stream().allMatch((entry) -> entry == null) ? "not measured yet" : map.toString();
		}
		if (value instanceof Double number) {
			return number(number) + figure.unit();
		}
		return value.toString();
	}

	/** Failed calls by status, for example "12 (504 × 10, no answer × 2)", or "none". */
	static String failures(Map<Integer, Integer> byStatus) {
		int total = byStatus.values().stream().mapToInt(Integer::intValue).sum();
		if (total == 0) {
			return "none";
		}
		return total + " (" + byStatus.entrySet()
			.stream()
			.map((entry) -> ((entry.getKey() == 0) ? "no answer" : entry.getKey()) + " \u00d7 " + entry.getValue())
			.collect(java.util.stream.Collectors.joining(", ")) + ")";
	}

}
