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
import io.murmur.benchmarks.reference.GatewayOverhead.Target;

/**
 * The report's PNG charts, drawn headless with XChart.
 */
final class Charts {

	private static final int WIDTH = 900;

	private static final int HEIGHT = 540;

	static {
		System.setProperty("java.awt.headless", "true");
	}

	private Charts() {
	}

	/**
	 * Median p50 and p99 of each way to the upstream, with the repetitions' range.
	 * @param result the comparison
	 * @param file the PNG to write
	 */
	static void gatewayOverhead(GatewayOverhead.Result result, Path file) {
		CategoryChart chart = new CategoryChartBuilder().width(WIDTH)
			.height(HEIGHT)
			.title("Latency of one GET: direct, through nginx, through Murmur's gateway (median of repetitions)")
			.xAxisTitle("path to the upstream")
			.yAxisTitle("response time (ms)")
			.build();
		List<String> targets = Arrays.stream(Target.values()).map((target) -> target.name().toLowerCase()).toList();
		for (int percentile : new int[] { 50, 99 }) {
			List<Double> medians = new ArrayList<>();
			List<Double> errors = new ArrayList<>();
			for (Target target : Target.values()) {
				Spread spread = Spread.of(result.percentile(target, percentile));
				medians.add(spread.median());
				errors.add(Math.max(spread.max() - spread.median(), spread.median() - spread.min()));
			}
			chart.addSeries("p" + percentile + " (error bar: widest distance to min or max)", targets, medians, errors);
		}
		chart.getStyler().setErrorBarsColor(java.awt.Color.DARK_GRAY);
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

	private static void save(org.knowm.xchart.internal.chartpart.Chart<?, ?> chart, Path file) {
		try {
			BitmapEncoder.saveBitmap(chart, file.toString(), BitmapFormat.PNG);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
