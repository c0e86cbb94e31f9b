package io.murmur.benchmarks.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.murmur.benchmarks.feed.DeliveryLag;
import io.murmur.benchmarks.feed.FanOutThroughput;
import io.murmur.benchmarks.feed.MixedWorkload;
import io.murmur.benchmarks.feed.StrategyComparison;
import io.murmur.benchmarks.feed.StrategyComparison.CelebrityWrites;
import io.murmur.benchmarks.feed.StrategyComparison.Strategy;
import io.murmur.benchmarks.media.MediaScenario;
import io.murmur.benchmarks.graph.FollowGraph;
import io.murmur.benchmarks.graph.PowerLawGraph;
import io.murmur.benchmarks.load.LatencySample;
import io.murmur.benchmarks.reference.GatewayOverhead;
import io.murmur.benchmarks.reference.GatewayOverhead.Target;
import io.murmur.benchmarks.reference.RedisBenchmark;
import io.murmur.benchmarks.search.SearchBenchmark;

import static org.assertj.core.api.Assertions.assertThat;

class ReportWriterTests {

	@TempDir
	Path dir;

	@Test
	void shouldWriteEveryHeadlineKeyWithTheGatewayFigureAsAMedian() throws IOException {
		write(Map.of(Figure.FANOUT_RATIO_VS_REDIS, "needs the home feed"));
		JsonNode summary = JsonMapper.builder().build().readTree(Files.readString(this.dir.resolve("summary.json")));
		assertThat(summary.path("status").asString()).isEqualTo("partial");
		for (String key : List.of("fanout_ratio_vs_redis", "delivery_lag_p50_ms", "delivery_lag_p99_ms",
				"hybrid_vs_push_read_p99_ratio", "mixed_max_rps_at_p99_100ms")) {
			assertThat(summary.has(key)).as(key).isTrue();
			assertThat(summary.get(key).isNull()).as(key).isTrue();
		}
		assertThat(summary.path("feed_read_p99_ms").has("hybrid")).isTrue();
		assertThat(summary.path("gateway_added_p50_ms_vs_nginx").asDouble()).isEqualTo(2.0);
		assertThat(summary.path("machine").path("cores").asInt()).isPositive();
		assertThat(summary.path("machine").has("memory_total_mb")).isTrue();
		assertThat(summary.path("details").path("redis_zadd_per_second").path("spread").path("median").asDouble())
			.isEqualTo(400_000);
		assertThat(summary.path("pending").get(0).asString()).startsWith("fanout_ratio_vs_redis: ");
	}

	@Test
	void shouldReportTheMediaFiguresAsMediansWithTheirChart() throws IOException {
		MediaScenario settings = new MediaScenario(Duration.ofSeconds(30), 6, 3, 1);
		MediaScenario.Result media = new MediaScenario.Result(List.of(4.0, 4.0, 5.0), List.of(3.0, 3.2, 3.5),
				List.of(0.75, 0.8, 0.7), List.of(0.4, 0.45, 0.5), 3_000_000, List.of(List.of(300.0, 320.0, 900.0)),
				List.of(320.0), List.of(900.0), settings);

		write(Map.of(), new FeedResults(Map.of(), null, null, null, null, null, null, null), media);

		JsonNode summary = JsonMapper.builder().build().readTree(Files.readString(this.dir.resolve("summary.json")));
		assertThat(summary.path("media_processing_ratio_vs_decode_resize").asDouble()).isEqualTo(0.75);
		assertThat(summary.path("media_upload_to_ready_p50_ms").asDouble()).isEqualTo(320);
		assertThat(summary.path("media_upload_to_ready_p99_ms").asDouble()).isEqualTo(900);
		assertThat(summary.path("details").path("media").path("pipeline_per_second").path("median").asDouble())
			.isEqualTo(3.2);
		assertThat(summary.path("details").path("media").path("turned_photo_ratio").path("median").asDouble())
			.isEqualTo(0.45);
		assertThat(Files.readString(this.dir.resolve("README.md"))).contains("## Media", "**0.750** (min 0.700",
				"turned (EXIF orientation 6)", "**0.450** (min 0.400", "p50 **320.0 ms**");
		assertThat(Files.readAllBytes(this.dir.resolve("media-processing.png"))).startsWith(0x89, 'P', 'N', 'G');
	}

	@Test
	void shouldMarkACompleteRunAsComplete() throws IOException {
		write(Map.of());
		assertThat(Files.readString(this.dir.resolve("summary.json"))).contains("\"status\" : \"complete\"");
		assertThat(Files.readString(this.dir.resolve("README.md"))).doesNotContain("(partial)");
	}

	@Test
	void shouldDrawTheChartsAsPng() throws IOException {
		write(Map.of(Figure.FANOUT_RATIO_VS_REDIS, "needs the home feed"));
		for (String chart : List.of("gateway-overhead-p50.png", "gateway-overhead-p99.png", "redis-zadd.png",
				"follower-distribution.png")) {
			byte[] png = Files.readAllBytes(this.dir.resolve(chart));
			assertThat(png).as(chart).startsWith(0x89, 'P', 'N', 'G');
		}
	}

	@Test
	void shouldReadTheRunInTheReadme() throws IOException {
		write(Map.of(Figure.FANOUT_RATIO_VS_REDIS, "needs the home feed"));
		String readme = Files.readString(this.dir.resolve("README.md"));
		assertThat(readme).contains("(partial)", "fanout_ratio_vs_redis: needs the home feed",
				"| gateway | 3 (3 – 4) | 9 (8 – 12) |", "400,000 ZADD/s",
				"![Gateway overhead, p50](gateway-overhead-p50.png)",
				"for PT1M after PT10S of warm-up: p50 700 ms, **p99 1300 ms** over 100 posts (target p99 2 s); calls"
						+ " of the measurement that failed: 2 (504 \u00d7 2)");
	}

	@Test
	void shouldWorkOutTheFeedFiguresAsMediansOverRepetitions() throws IOException {
		write(Map.of(), feedResults());
		JsonNode summary = JsonMapper.builder().build().readTree(Files.readString(this.dir.resolve("summary.json")));
		assertThat(summary.path("fanout_ratio_vs_redis").asDouble()).isEqualTo(0.5);
		assertThat(summary.path("delivery_lag_p50_ms").asDouble()).isEqualTo(40);
		assertThat(summary.path("delivery_lag_p99_ms").asDouble()).isEqualTo(300);
		assertThat(summary.path("feed_read_p99_ms").path("push").asDouble()).isEqualTo(20);
		assertThat(summary.path("feed_read_p99_ms").path("pull").asDouble()).isEqualTo(60);
		assertThat(summary.path("feed_read_p99_ms").path("hybrid").asDouble()).isEqualTo(22);
		assertThat(summary.path("hybrid_vs_push_read_p99_ratio").asDouble()).isEqualTo(1.1);
		assertThat(summary.path("mixed_max_rps_at_p99_100ms").asDouble()).isEqualTo(80);
		assertThat(summary.path("details").path("feed_reads").path("hybrid").path("redis_writes_per_celebrity_post"))
			.hasSize(2);
		for (String chart : List.of("feed-reads.png", "celebrity-writes.png", "delivery-lag.png",
				"mixed-workload.png")) {
			assertThat(Files.readAllBytes(this.dir.resolve(chart))).as(chart).startsWith(0x89, 'P', 'N', 'G');
		}
		assertThat(Files.readString(this.dir.resolve("README.md"))).contains("| hybrid | 8 (8 – 8) | 22 (21 – 23) |",
				"`mixed_max_rps_at_p99_100ms` = **80 requests/s**", "`fanout_ratio_vs_redis` = median",
				"| gateway GET /api/v1/feed?limit=20 | 40 | 40 | 40 |",
				"| before | first | 40,000, 150,000 | 200,000 (150,000 – 250,000) |",
				"| round | posts acknowledged after, s | first insert seen after, s | ", "| before | 0.10 | 0.20 | ",
				"| the ZADD reference | 95 | yes | ", "| 200,000 (150,000 – 250,000) | 0.500 | 4.0 |",
				"2.45 µs per ZADD in the reference", "could reach about 0.61 of the reference",
				"- before: `feed-service-posts-#-C-#` 0.40");
	}

	private static FanOutThroughput.Sample burst(int posts, long expected, long inserts, double seconds, double rate) {
		return new FanOutThroughput.Sample(posts, expected, inserts, seconds, rate, 0.1, 0.2,
				Map.of("machine", 1.9, "Redis", 0.8, "feed-service", 0.6, "steal", 0.1),
				Map.of("feed-service-posts-#-C-#", 0.4));
	}

	private static FeedResults feedResults() {
		List<FanOutThroughput.Sample> bursts = List.of(burst(20, 100_000, 100_000, 0.5, 200_000),
				burst(20, 100_000, 100_000, 0.4, 250_000), burst(20, 100_000, 100_000, 0.6, 150_000));
		List<FanOutThroughput.RoundResult> fanOut = List.of(
				new FanOutThroughput.RoundResult(new FanOutThroughput.Round("before", "first", Map.of()),
						burst(20, 100_000, 100_000, 2.5, 40_000), List.of(40_000.0, 150_000.0), bursts,
						Map.of("io.murmur.feed.store.FeedStore.push", 40.0)),
				new FanOutThroughput.RoundResult(new FanOutThroughput.Round("after", "second", Map.of()),
						burst(20, 100_000, 100_000, 2.5, 40_000), List.of(40_000.0, 50_000.0),
						List.of(burst(20, 100_000, 100_000, 2, 50_000)), Map.of()));
		LatencySample background = sample(5, 50);
		List<DeliveryLag.Sample> lag = List.of(new DeliveryLag.Sample(List.of(30.0, 40.0), 30, 250, 250, 0, background),
				new DeliveryLag.Sample(List.of(50.0, 60.0), 50, 350, 350, 0, background),
				new DeliveryLag.Sample(List.of(40.0, 45.0), 40, 300, 300, 0, background));
		Map<Strategy, StrategyComparison.Result> strategies = new EnumMap<>(Strategy.class);
		strategies.put(Strategy.PUSH,
				new StrategyComparison.Result(Integer.MAX_VALUE, 3000,
						List.of(new CelebrityWrites(12_000, 36_000), new CelebrityWrites(30_000, 90_000)),
						List.of(sample(6, 19), sample(6, 20), sample(7, 21)), breakdown()));
		strategies.put(Strategy.PULL,
				new StrategyComparison.Result(1, 4,
						List.of(new CelebrityWrites(12_000, 4), new CelebrityWrites(30_000, 4)),
						List.of(sample(20, 60), sample(20, 60), sample(20, 61)), breakdown()));
		strategies.put(Strategy.HYBRID,
				new StrategyComparison.Result(10_000, 2900,
						List.of(new CelebrityWrites(12_000, 4), new CelebrityWrites(30_000, 4)),
						List.of(sample(8, 21), sample(8, 22), sample(8, 23)), breakdown()));
		List<MixedWorkload.Climb> climbs = List.of(climb(80), climb(60), climb(100));
		return new FeedResults(Map.of("power-law", Map.of("users_seconds", 60.0, "follows_seconds", 200.0)), fanOut,
				lag, new DeliveryLag(3, Duration.ofSeconds(10), Duration.ofSeconds(60), 20, Duration.ofSeconds(3)),
				strategies, new StrategyComparison(3, 8, Duration.ofSeconds(10), Duration.ofSeconds(30), 60), climbs,
				new MixedWorkload(3, List.of(20.0, 40.0, 60.0, 80.0, 100.0, 130.0), Duration.ofSeconds(10),
						Duration.ofSeconds(30), 100));
	}

	private static Map<String, Spread> breakdown() {
		return Map.of("gateway GET /api/v1/feed?limit=20", Spread.of(List.of(30.0, 40.0, 50.0)));
	}

	private static MixedWorkload.Climb climb(double best) {
		List<MixedWorkload.Step> steps = new java.util.ArrayList<>();
		for (double rate = 20; rate <= best; rate += 20) {
			steps.add(new MixedWorkload.Step(rate, sample(5, 40 + rate / 4), true));
		}
		steps.add(new MixedWorkload.Step(best + 20, sample(30, 400), false));
		return new MixedWorkload.Climb(best, steps);
	}

	private void write(Map<Figure, String> pending) {
		write(pending, new FeedResults(Map.of(), null, null, null, null, null, null, null));
	}

	private void write(Map<Figure, String> pending, FeedResults feed) {
		write(pending, feed, null);
	}

	private void write(Map<Figure, String> pending, FeedResults feed, MediaScenario.@Nullable Result media) {
		Map<Target, List<LatencySample>> samples = new EnumMap<>(Target.class);
		samples.put(Target.DIRECT, List.of(sample(0, 2), sample(1, 3), sample(0, 2)));
		samples.put(Target.NGINX, List.of(sample(1, 3), sample(1, 4), sample(1, 3)));
		samples.put(Target.GATEWAY, List.of(sample(3, 8), sample(4, 12), sample(3, 9)));
		GatewayOverhead.Result gateway = new GatewayOverhead.Result(samples, 20);
		FollowGraph graph = new PowerLawGraph(5_000, 5, 0.8, 1).generate();
		RunResults results = new RunResults(Instant.parse("2026-11-21T10:00:00Z"),
				Instant.parse("2026-11-21T10:20:00Z"), "benchmarks/run", 3, pending,
				Spread.of(List.of(390_000.0, 400_000.0, 410_000.0)), RedisBenchmark.DEFAULT,
				List.of(Map.of("machine", 1.95, "Redis", 0.98, "everything else", 0.9)), gateway,
				new GatewayOverhead(200, Duration.ofSeconds(15), Duration.ofSeconds(30), 3),
				Map.of("power-law", graph.degreeSummary(100)), Machine.describe(Machine.Snapshot.now()), feed,
				List.of(new Settling.Wait("the ZADD reference", 95, true, Map.of("machine", 0.3, "Neo4j", 0.2))),
				new SearchBenchmark.Result(50_000, 7_000, 9_000, 7_000.0 / 9_000,
						Map.of("p50_ms", 12.0, "p99_ms", 40.0, "max_ms", 55.0),
						Map.of("p50_ms", 3.0, "p99_ms", 9.0, "max_ms", 12.0),
						Map.of("p50_ms", 700.0, "p99_ms", 1300.0, "max_ms", 1400.0), 100, Map.of(504, 2), 5, "PT1M",
						"PT10S"),
				media, null);
		ReportWriter.write(results, Map.of("power-law", graph), this.dir);
	}

	private static LatencySample sample(double p50, double p99) {
		return new LatencySample(6_000, 0, 200, p50, p50, p99, p99, p99 + 10);
	}

}
