package io.murmur.benchmarks.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.murmur.benchmarks.graph.FollowGraph;
import io.murmur.benchmarks.graph.PowerLawGraph;
import io.murmur.benchmarks.load.LatencySample;
import io.murmur.benchmarks.reference.GatewayOverhead;
import io.murmur.benchmarks.reference.GatewayOverhead.Target;
import io.murmur.benchmarks.reference.RedisBenchmark;

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
				"![Gateway overhead, p50](gateway-overhead-p50.png)");
	}

	private void write(Map<Figure, String> pending) {
		Map<Target, List<LatencySample>> samples = new EnumMap<>(Target.class);
		samples.put(Target.DIRECT, List.of(sample(0, 2), sample(1, 3), sample(0, 2)));
		samples.put(Target.NGINX, List.of(sample(1, 3), sample(1, 4), sample(1, 3)));
		samples.put(Target.GATEWAY, List.of(sample(3, 8), sample(4, 12), sample(3, 9)));
		GatewayOverhead.Result gateway = new GatewayOverhead.Result(samples, 20);
		FollowGraph graph = new PowerLawGraph(5_000, 5, 0.8, 1).generate();
		RunResults results = new RunResults(Instant.parse("2026-11-21T10:00:00Z"),
				Instant.parse("2026-11-21T10:20:00Z"), "benchmarks/run", 3, pending,
				Spread.of(List.of(390_000.0, 400_000.0, 410_000.0)), RedisBenchmark.DEFAULT, gateway,
				new GatewayOverhead(200, Duration.ofSeconds(15), Duration.ofSeconds(30), 3),
				Map.of("power-law", graph.degreeSummary(100)), Machine.describe(Machine.Snapshot.now()));
		ReportWriter.write(results, Map.of("power-law", graph), this.dir);
	}

	private static LatencySample sample(double p50, double p99) {
		return new LatencySample(6_000, 0, 200, p50, p50, p99, p99, p99 + 10);
	}

}
