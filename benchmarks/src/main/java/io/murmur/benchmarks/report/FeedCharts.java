package io.murmur.benchmarks.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;

import io.murmur.benchmarks.feed.DeliveryLag;
import io.murmur.benchmarks.feed.MixedWorkload;
import io.murmur.benchmarks.feed.StrategyComparison;
import io.murmur.benchmarks.feed.StrategyComparison.Strategy;

/**
 * The home-feed charts: feed reads per strategy, Redis writes per celebrity post, the
 * distribution of delivery lags and the mixed workload's climb.
 */
final class FeedCharts {

	private FeedCharts() {
	}

	static void write(FeedResults feed, Path dir) {
		if (feed.strategies() != null) {
			reads(feed.strategies(), dir.resolve("feed-reads.png"));
			celebrityWrites(feed.strategies(), dir.resolve("celebrity-writes.png"));
		}
		if (feed.lag() != null) {
			lag(feed.lag(), dir.resolve("delivery-lag.png"));
		}
		if (feed.mixed() != null) {
			mixed(feed.mixed(), dir.resolve("mixed-workload.png"));
		}
	}

	private static void reads(Map<Strategy, StrategyComparison.Result> strategies, Path file) {
		CategoryChart chart = new CategoryChartBuilder().width(Charts.WIDTH)
			.height(Charts.HEIGHT)
			.title("Home feed, 20 items, through the gateway: p50 and p99 per strategy, a bar per repetition")
			.xAxisTitle("strategy and percentile")
			.yAxisTitle("response time (ms)")
			.build();
		List<String> categories = new ArrayList<>();
		strategies.keySet().forEach((strategy) -> {
			String name = strategy.name().toLowerCase(Locale.ROOT);
			categories.add(name + " p50");
			categories.add(name + " p99");
		});
		int repetitions = strategies.values().iterator().next().reads().size();
		for (int i = 0; i < repetitions; i++) {
			List<Double> values = new ArrayList<>();
			for (StrategyComparison.Result result : strategies.values()) {
				values.add(result.reads().get(i).p50());
				values.add(result.reads().get(i).p99());
			}
			chart.addSeries("repetition " + (i + 1), categories, values);
		}
		Charts.save(chart, file);
	}

	private static void celebrityWrites(Map<Strategy, StrategyComparison.Result> strategies, Path file) {
		XYChart chart = new XYChartBuilder().width(Charts.WIDTH)
			.height(Charts.HEIGHT)
			.title("Redis writes for one post by each celebrity, by its follower count")
			.xAxisTitle("followers of the author")
			.yAxisTitle("Redis writes for the post")
			.build();
		chart.getStyler().setYAxisLogarithmic(true);
		strategies.forEach((strategy, result) -> {
			if (!result.celebrities().isEmpty()) {
				List<Double> x = new ArrayList<>();
				List<Double> y = new ArrayList<>();
				result.celebrities()
					.stream()
					.sorted(java.util.Comparator.comparingInt(StrategyComparison.CelebrityWrites::followers))
					.forEach((writes) -> {
						x.add((double) writes.followers());
						y.add((double) Math.max(1, writes.writes()));
					});
				chart.addSeries(strategy.name().toLowerCase(Locale.ROOT), x, y).setMarker(SeriesMarkers.CIRCLE);
			}
		});
		if (!chart.getSeriesMap().isEmpty()) {
			Charts.save(chart, file);
		}
	}

	private static void lag(List<DeliveryLag.Sample> samples, Path file) {
		XYChart chart = new XYChartBuilder().width(Charts.WIDTH)
			.height(Charts.HEIGHT)
			.title("Delivery lag: share of posts visible in the follower's feed within t")
			.xAxisTitle("t after the gateway acknowledged the post (ms)")
			.yAxisTitle("share of posts")
			.build();
		for (int i = 0; i < samples.size(); i++) {
			double[] sorted = samples.get(i).lagsMs().stream().mapToDouble(Double::doubleValue).sorted().toArray();
			List<Double> x = new ArrayList<>();
			List<Double> y = new ArrayList<>();
			for (int j = 0; j < sorted.length; j++) {
				x.add(sorted[j]);
				y.add((j + 1.0) / sorted.length);
			}
			chart.addSeries("repetition " + (i + 1), x, y).setMarker(SeriesMarkers.NONE);
		}
		Charts.save(chart, file);
	}

	private static void mixed(List<MixedWorkload.Climb> climbs, Path file) {
		XYChart chart = new XYChartBuilder().width(Charts.WIDTH)
			.height(Charts.HEIGHT)
			.title("Mixed workload on socfb-Reed98 (60% feed, 30% timeline, 10% posts): p99 by arrival rate")
			.xAxisTitle("arrival rate (requests per second)")
			.yAxisTitle("p99 (ms)")
			.build();
		chart.getStyler().setYAxisLogarithmic(true);
		for (int i = 0; i < climbs.size(); i++) {
			List<Double> x = new ArrayList<>();
			List<Double> y = new ArrayList<>();
			for (MixedWorkload.Step step : climbs.get(i).steps()) {
				x.add(step.rate());
				y.add(Math.max(1, step.sample().p99()));
			}
			chart.addSeries("climb " + (i + 1), x, y).setMarker(SeriesMarkers.CIRCLE);
		}
		List<Double> limitX = List.of(0.0,
				climbs.stream()
					.flatMap((climb) -> climb.steps().stream())
					.mapToDouble(MixedWorkload.Step::rate)
					.max()
					.orElse(1));
		chart.addSeries("p99 limit, 100 ms", limitX, List.of(100.0, 100.0)).setMarker(SeriesMarkers.NONE);
		Charts.save(chart, file);
	}

}
