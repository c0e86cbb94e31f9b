package io.murmur.benchmarks.report;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.murmur.benchmarks.feed.DeliveryLag;
import io.murmur.benchmarks.feed.FanOutThroughput;
import io.murmur.benchmarks.feed.MixedWorkload;
import io.murmur.benchmarks.feed.StrategyComparison;

/**
 * What the home-feed scenarios measured; each part is {@code null} when left out.
 *
 * @param loading how long loading each graph took, by graph and part, seconds
 * @param fanOut the fan-out rounds, the shipped configuration last
 * @param lag the delivery-lag repetitions
 * @param lagSettings how the delivery lag ran
 * @param strategies the strategy comparison
 * @param strategySettings how it ran
 * @param mixed the mixed-workload climbs
 * @param mixedSettings how they ran
 */
public record FeedResults(Map<String, Map<String, Double>> loading, @Nullable List<FanOutThroughput.RoundResult> fanOut,
		@Nullable List<DeliveryLag.Sample> lag, @Nullable DeliveryLag lagSettings,
		@Nullable Map<StrategyComparison.Strategy, StrategyComparison.Result> strategies,
		@Nullable StrategyComparison strategySettings, @Nullable List<MixedWorkload.Climb> mixed,
		@Nullable MixedWorkload mixedSettings) {

}
