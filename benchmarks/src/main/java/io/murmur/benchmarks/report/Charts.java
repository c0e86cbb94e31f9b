package io.murmur.benchmarks.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.BitmapEncoder.BitmapFormat;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;

import io.murmur.benchmarks.graph.FollowGraph;
import io.murmur.benchmarks.reference.GatewayOverhead;
import io.murmur.benchmarks.search.SearchBenchmark;
import io.murmur.benchmarks.reference.GatewayOverhead.Target;

/**
 * The report's PNG charts, drawn headless with XChart.
 */
final class Charts {

	static final int WIDTH = 900;

	static final int HEIGHT = 540;

	static {
		System.setProperty("java.awt.headless", "true");
	}

	private Charts() {
	}

	/**
	 * One percentile of each way to the upstream, a bar per repetition, so the spread
	 * shows as it is.
	 * @param result the comparison
	 * @param percentile 50 or 99
	 * @param file the PNG to write
	 */
	static void gatewayOverhead(GatewayOverhead.Result result, int percentile, Path file) {
		CategoryChart chart = new CategoryChartBuilder().width(WIDTH)
			.height(HEIGHT)
			.title("GET p" + percentile + ": direct, through nginx, through Murmur's gateway")
			.xAxisTitle("path to the upstream")
			.yAxisTitle("p" + percentile + " response time (ms)")
			.build();
		List<String> targets = Arrays.stream(Target.values()).map((target) -> target.name().toLowerCase()).toList();
		int repetitions = result.percentile(Target.DIRECT, percentile).size();
		for (int repetition = 0; repetition < repetitions; repetition++) {
			List<Double> values = new ArrayList<>();
			for (Target target : Target.values()) {
				values.add(result.percentile(target, percentile).get(repetition));
			}
			chart.addSeries("repetition " + (repetition + 1), targets, values);
		}
		save(chart, file);
	}

	/**
	 * The reference's ZADD rate in each repetition.
	 * @param rates ZADDs per second per repetition
	 * @param pipeline the pipeline depth
	 * @param file the PNG to write
	 */
	static void redisZadd(Spread rates, int pipeline, Path file) {
		CategoryChart chart = new CategoryChartBuilder().width(WIDTH)
			.height(HEIGHT)
			.title("redis-benchmark ZADD, pipeline " + pipeline + ": rate per repetition (median "
					+ Math.round(rates.median()) + "/s)")
			.xAxisTitle("repetition")
			.yAxisTitle("ZADD per second")
			.build();
		List<Integer> repetitions = new ArrayList<>();
		for (int i = 1; i <= rates.values().size(); i++) {
			repetitions.add(i);
		}
		chart.addSeries("ZADD/s", repetitions, rates.values());
		chart.getStyler().setYAxisDecimalPattern("#,###");
		chart.getStyler().setLegendVisible(false);
		save(chart, file);
	}

	/**
	 * The complementary cumulative distribution of follower counts of each graph, on log
	 * scales, where a power law is a straight line.
	 * @param graphs the graphs
	 * @param file the PNG to write
	 */
	static void followerDistribution(Map<String, FollowGraph> graphs, Path file) {
		XYChart chart = new XYChartBuilder().width(WIDTH)
			.height(HEIGHT)
			.title("Follower counts: share of accounts with at least k followers")
			.xAxisTitle("k followers")
			.yAxisTitle("share of accounts")
			.build();
		chart.getStyler().setXAxisLogarithmic(true).setYAxisLogarithmic(true);
		graphs.forEach((name, graph) -> {
			int[] counts = graph.followerCounts();
			Arrays.sort(counts);
			List<Double> x = new ArrayList<>();
			List<Double> y = new ArrayList<>();
			int previous = -1;
			for (int i = 0; i < counts.length; i++) {
				if (counts[i] > 0 && counts[i] != previous) {
					x.add((double) counts[i]);
					y.add((double) (counts.length - i) / counts.length);
					previous = counts[i];
				}
			}
			chart.addSeries(name, x, y).setMarker(SeriesMarkers.NONE);
		});
		save(chart, file);
	}

	/**
	 * Post-search latency through the gateway and direct to Elasticsearch, and the index
	 * lag, as p50 and p99 bars.
	 * @param result the search scenario's result
	 * @param file the PNG to write
	 */
	static void search(SearchBenchmark.Result result, Path file) {
		CategoryChart chart = new CategoryChartBuilder().width(WIDTH)
			.height(HEIGHT)
			.title(String.format(java.util.Locale.ROOT,
					"Search: indexing %.2f of a raw bulk load; latency and index lag (ms)", result.ratio()))
			.xAxisTitle("measurement")
			.yAxisTitle("milliseconds")
			.build();
		List<String> names = List.of("search via gateway", "search direct to ES", "index lag");
		for (String percentile : List.of("p50_ms", "p99_ms")) {
			chart.addSeries(percentile.replace("_ms", ""), names, List.of(result.gateway().get(percentile),
					result.direct().get(percentile), result.lag().get(percentile)));
		}
		save(chart, file);
	}

	static void save(org.knowm.xchart.internal.chartpart.Chart<?, ?> chart, Path file) {
		try {
			BitmapEncoder.saveBitmap(chart, file.toString(), BitmapFormat.PNG);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
