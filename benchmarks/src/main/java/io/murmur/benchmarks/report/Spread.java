package io.murmur.benchmarks.report;

import java.util.Arrays;
import java.util.List;

/**
 * A figure measured over repeated runs: every value, their median, their extremes and
 * their interquartile range. The headline figures are medians; the spread says how much
 * to trust them on a shared machine.
 *
 * @param values the value of each repetition, in run order
 * @param median the median
 * @param min the smallest
 * @param max the largest
 * @param q1 the first quartile
 * @param q3 the third quartile
 */
public record Spread(List<Double> values, double median, double min, double max, double q1, double q3) {

	/**
	 * The spread of some values; quartiles by linear interpolation between ranks.
	 * @param values at least one value
	 * @return the spread
	 */
	public static Spread of(List<Double> values) {
		if (values.isEmpty()) {
			throw new IllegalArgumentException("No value to spread");
		}
		double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
		Arrays.sort(sorted);
		return new Spread(List.copyOf(values), quantile(sorted, 0.5), sorted[0], sorted[sorted.length - 1],
				quantile(sorted, 0.25), quantile(sorted, 0.75));
	}

	private static double quantile(double[] sorted, double q) {
		double rank = q * (sorted.length - 1);
		int low = (int) Math.floor(rank);
		int high = (int) Math.ceil(rank);
		return sorted[low] + (sorted[high] - sorted[low]) * (rank - low);
	}

}
