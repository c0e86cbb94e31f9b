package io.murmur.benchmarks.notification;

import java.util.List;

/**
 * Measured times.
 *
 * @param count how many succeeded
 * @param failed how many failed (not 200, or no answer)
 * @param p50 the median, ms
 * @param p99 the 99th percentile, ms
 * @param max the largest, ms
 */
public record Measured(int count, int failed, double p50, double p99, double max) {

	static Measured of(List<Double> millis, int failed) {
		if (millis.isEmpty()) {
			throw new IllegalStateException("Nothing was measured (" + failed + " failed)");
		}
		double[] sorted = millis.stream().mapToDouble(Double::doubleValue).sorted().toArray();
		return new Measured(sorted.length, failed, percentile(sorted, 50), percentile(sorted, 99),
				round(sorted[sorted.length - 1]));
	}

	static double percentile(double[] sorted, int percentile) {
		int rank = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
		return round(sorted[Math.max(0, rank)]);
	}

	private static double round(double value) {
		return Math.round(value * 10) / 10.0;
	}

}
