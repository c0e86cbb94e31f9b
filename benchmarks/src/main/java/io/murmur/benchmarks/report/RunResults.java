package io.murmur.benchmarks.report;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.murmur.benchmarks.graph.DegreeSummary;
import io.murmur.benchmarks.media.MediaScenario;
import io.murmur.benchmarks.reference.GatewayOverhead;
import io.murmur.benchmarks.search.SearchBenchmark;
import io.murmur.benchmarks.reference.RedisBenchmark;

/**
 * Everything one run measured, for the report. A figure the run could not measure yet is
 * {@code null} and named in {@code pending} with the reason; the scenarios that need the
 * home feed (fan-out, delivery lag, feed reads, the mixed workload) fill theirs in here.
 *
 * @param startedAt when the run started
 * @param finishedAt when it ended
 * @param command the command that ran it
 * @param repetitions how many times each measurement was repeated
 * @param pending the figures not measured, each with why
 * @param redisZadd the reference's ZADD rate per repetition, with its settings
 * @param redisSettings how redis-benchmark ran
 * @param redisZaddCores per repetition of the reference, the cores each process kept busy
 * (see {@link CpuMeter#coresBetween})
 * @param gatewayOverhead the gateway comparison, with its settings
 * @param gatewaySettings how the comparison ran
 * @param graphs the follow graphs' shapes, by name
 * @param machine the machine and what else ran on it
 * @param feed what the home-feed scenarios measured
 * @param settling how long the run waited for the machine to settle before each
 * measurement
 * @param search what the search scenario measured, {@code null} when it did not run
 * @param media what the media scenario measured, or {@code null} when it did not run
 * @param notifications what the notification scenario measured, {@code null} if it did
 * not run
 */
public record RunResults(Instant startedAt, Instant finishedAt, String command, int repetitions,
		Map<Figure, String> pending, @Nullable Spread redisZadd, @Nullable RedisBenchmark redisSettings,
		List<Map<String, Double>> redisZaddCores, GatewayOverhead.@Nullable Result gatewayOverhead,
		@Nullable GatewayOverhead gatewaySettings, Map<String, DegreeSummary> graphs, Machine machine, FeedResults feed,
		List<Settling.Wait> settling, SearchBenchmark.@Nullable Result search, MediaScenario.@Nullable Result media,
		@Nullable NotificationResults notifications) {

	/**
	 * Whether some figure is missing.
	 * @return {@code true} if the report is partial
	 */
	public boolean isPartial() {
		return !this.pending.isEmpty();
	}

	List<String> pendingLines() {
		return this.pending.entrySet().stream().map((entry) -> entry.getKey().key() + ": " + entry.getValue()).toList();
	}

}
