package io.murmur.benchmarks.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.murmur.benchmarks.feed.DeliveryLag;
import io.murmur.benchmarks.feed.FanOutThroughput;
import io.murmur.benchmarks.feed.MixedWorkload;
import io.murmur.benchmarks.feed.StrategyComparison;
import io.murmur.benchmarks.feed.StrategyComparison.Strategy;
import io.murmur.benchmarks.load.LatencySample;

/**
 * The home-feed figures of a run, worked out from what the scenarios measured: each
 * headline value is a median over repetitions, and its spread is in the details.
 */
final class FeedFigures {

	private final FeedResults feed;

	private final @Nullable Spread zadd;

	private final List<Map<String, Double>> zaddCores;

	FeedFigures(FeedResults feed, @Nullable Spread zadd, List<Map<String, Double>> zaddCores) {
		this.feed = feed;
		this.zadd = zadd;
		this.zaddCores = zaddCores;
	}

	/**
	 * Redis's own CPU time per ZADD in the reference: the cores it kept busy over the
	 * repetitions (median) divided by the rate (median).
	 * @return microseconds, or {@code null} if the reference or its CPU readings are
	 * missing
	 */
	@Nullable Double redisMicrosPerZadd() {
		List<Double> cores = this.zaddCores.stream()
			.map((reading) -> reading.get(CpuMeter.REDIS))
			.filter((value) -> value != null)
			.toList();
		if (this.zadd == null || cores.isEmpty() || this.zadd.median() <= 0) {
			return null;
		}
		return round(Spread.of(cores).median() / this.zadd.median() * 1e6, 2);
	}

	/**
	 * Redis's own CPU time per timeline insert in a round's measured bursts: the cores it
	 * kept busy times the burst's length, over the inserts (median of the bursts). With
	 * {@link #redisMicrosPerZadd()} it bounds the ratio fan-out could reach were Redis
	 * the only limit.
	 * @param round the round
	 * @return microseconds, or {@code null} without CPU readings of Redis
	 */
	static @Nullable Double redisMicrosPerInsert(FanOutThroughput.RoundResult round) {
		List<Double> perInsert = round.bursts()
			.stream()
			.filter((burst) -> burst.cores().containsKey(CpuMeter.REDIS) && burst.inserts() > 0)
			.map((burst) -> burst.cores().get(CpuMeter.REDIS) * burst.seconds() * 1e6 / burst.inserts())
			.toList();
		return perInsert.isEmpty() ? null : round(Spread.of(perInsert).median(), 2);
	}

	@Nullable Spread fanOutRate() {
		List<FanOutThroughput.RoundResult> rounds = this.feed.fanOut();
		return (rounds != null) ? rate(rounds.get(0)) : null;
	}

	static Spread rate(FanOutThroughput.RoundResult round) {
		return Spread.of(round.bursts().stream().map(FanOutThroughput.Sample::insertsPerSecond).toList());
	}

	@Nullable Double zaddMedian() {
		return (this.zadd != null) ? this.zadd.median() : null;
	}

	@Nullable Double fanOutRatio() {
		Spread rate = fanOutRate();
		return (rate != null && this.zadd != null) ? round(rate.median() / this.zadd.median(), 3) : null;
	}

	@Nullable Spread lag(int percentile) {
		List<DeliveryLag.Sample> lag = this.feed.lag();
		if (lag == null) {
			return null;
		}
		return Spread.of(lag.stream().map((sample) -> (percentile == 50) ? sample.p50() : sample.p99()).toList());
	}

	@Nullable Spread reads(Strategy strategy, java.util.function.ToDoubleFunction<LatencySample> value) {
		Map<Strategy, StrategyComparison.Result> strategies = this.feed.strategies();
		if (strategies == null || !strategies.containsKey(strategy)) {
			return null;
		}
		return Spread.of(strategies.get(strategy).reads().stream().map(value::applyAsDouble).toList());
	}

	@Nullable Map<String, @Nullable Double> readP99ByStrategy() {
		if (this.feed.strategies() == null) {
			return null;
		}
		Map<String, @Nullable Double> values = new LinkedHashMap<>();
		for (Strategy strategy : Strategy.values()) {
			Spread p99 = reads(strategy, LatencySample::p99);
			values.put(strategy.name().toLowerCase(Locale.ROOT), (p99 != null) ? p99.median() : null);
		}
		return values;
	}

	@Nullable Double hybridVsPush() {
		Spread hybrid = reads(Strategy.HYBRID, LatencySample::p99);
		Spread push = reads(Strategy.PUSH, LatencySample::p99);
		return (hybrid != null && push != null && push.median() > 0) ? round(hybrid.median() / push.median(), 2) : null;
	}

	@Nullable Spread mixedMax() {
		List<MixedWorkload.Climb> mixed = this.feed.mixed();
		return (mixed != null) ? Spread.of(mixed.stream().map(MixedWorkload.Climb::maxRateWithinLimit).toList()) : null;
	}

	Map<String, Object> details() {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("loading_seconds", this.feed.loading());
		if (this.feed.fanOut() != null) {
			Map<String, Object> fanOut = new LinkedHashMap<>();
			fanOut.put("inserts_per_second", fanOutRate());
			fanOut.put("reference_zadd_per_second_median", (this.zadd != null) ? this.zadd.median() : null);
			fanOut.put("ratio", fanOutRatio());
			fanOut.put("reference_redis_cpu_us_per_zadd", redisMicrosPerZadd());
			List<Map<String, Object>> rounds = new ArrayList<>();
			for (FanOutThroughput.RoundResult round : this.feed.fanOut()) {
				Map<String, Object> one = new LinkedHashMap<>();
				one.put("name", round.round().name());
				one.put("why", round.round().why());
				one.put("settings", round.round().settings());
				one.put("redis_nice", round.round().redisNice());
				one.put("inserts_per_second", rate(round));
				one.put("ratio", (this.zadd != null) ? round(rate(round).median() / this.zadd.median(), 3) : null);
				one.put("redis_cpu_us_per_insert", redisMicrosPerInsert(round));
				one.put("warm_up_inserts_per_second", round.warmUpRates().stream().map(Math::round).toList());
				one.put("bursts", round.bursts());
				one.put("feed_service_profile_percent", round.profile());
				rounds.add(one);
			}
			fanOut.put("rounds", rounds);
			details.put("fan_out", fanOut);
		}
		if (this.feed.lag() != null) {
			Map<String, Object> lag = new LinkedHashMap<>();
			lag.put("settings", this.feed.lagSettings());
			lag.put("p50_ms", lag(50));
			lag.put("p99_ms", lag(99));
			List<Map<String, Object>> repetitions = new ArrayList<>();
			for (DeliveryLag.Sample sample : this.feed.lag()) {
				Map<String, Object> repetition = new LinkedHashMap<>();
				repetition.put("posts", sample.lagsMs().size());
				repetition.put("p50_ms", sample.p50());
				repetition.put("p99_ms", sample.p99());
				repetition.put("max_ms", sample.max());
				repetition.put("not_on_the_page", sample.notOnPage());
				repetition.put("background_load", sample.background());
				repetitions.add(repetition);
			}
			lag.put("repetitions", repetitions);
			details.put("delivery_lag", lag);
		}
		if (this.feed.strategies() != null) {
			Map<String, Object> strategies = new LinkedHashMap<>();
			strategies.put("settings", this.feed.strategySettings());
			this.feed.strategies().forEach((strategy, result) -> {
				Map<String, Object> one = new LinkedHashMap<>();
				one.put("push_threshold", result.threshold());
				one.put("redis_writes_per_post", round(result.writesPerPost(), 1));
				one.put("redis_writes_per_celebrity_post", result.celebrities());
				one.put("read_p50_ms", reads(strategy, LatencySample::p50));
				one.put("read_p99_ms", reads(strategy, LatencySample::p99));
				one.put("read_throughput_per_second", reads(strategy, LatencySample::meanRps));
				one.put("read_samples", result.reads());
				one.put("read_breakdown_ms", result.breakdown());
				strategies.put(strategy.name().toLowerCase(Locale.ROOT), one);
			});
			details.put("feed_reads", strategies);
		}
		if (this.feed.mixed() != null) {
			Map<String, Object> mixed = new LinkedHashMap<>();
			mixed.put("settings", this.feed.mixedSettings());
			mixed.put("max_rps_at_p99_100ms", mixedMax());
			mixed.put("climbs", this.feed.mixed());
			details.put("mixed_workload", mixed);
		}
		return details;
	}

	static double round(double value, int decimals) {
		double scale = Math.pow(10, decimals);
		return Math.round(value * scale) / scale;
	}

}
