package io.murmur.graph;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Times two ways of doing the same work, alternately so that both see the same load of
 * the machine, after a warm-up, and prints the median of each.
 */
public final class TimedLoop {

	private TimedLoop() {
	}

	/**
	 * Compares two ways of doing some work.
	 * @param what what the work is, for the printout
	 * @param warmUp how many times each runs before the timing
	 * @param rounds how many times each is timed
	 * @param spring the work through Spring Data Neo4j
	 * @param driver the same work through the bare driver
	 * @return the medians
	 */
	public static Comparison compare(String what, int warmUp, int rounds, Runnable spring, Runnable driver) {
		for (int i = 0; i < warmUp; i++) {
			spring.run();
			driver.run();
		}
		List<Long> springTimes = new ArrayList<>();
		List<Long> driverTimes = new ArrayList<>();
		for (int i = 0; i < rounds; i++) {
			springTimes.add(time(spring));
			driverTimes.add(time(driver));
		}
		Comparison comparison = new Comparison(median(springTimes) / 1e6, median(driverTimes) / 1e6);
		System.out.printf("%s: Spring Data Neo4j %.2f ms, driver %.2f ms (median of %d), ratio %.3f%n", what,
				comparison.springMillis(), comparison.driverMillis(), rounds, comparison.ratio());
		return comparison;
	}

	private static long time(Runnable work) {
		long started = System.nanoTime();
		work.run();
		return System.nanoTime() - started;
	}

	private static double median(List<Long> times) {
		List<Long> sorted = new ArrayList<>(times);
		Collections.sort(sorted);
		return sorted.get(sorted.size() / 2);
	}

	/**
	 * The medians of a comparison.
	 *
	 * @param springMillis through Spring Data Neo4j
	 * @param driverMillis through the driver
	 */
	public record Comparison(double springMillis, double driverMillis) {

		public double ratio() {
			return this.springMillis / this.driverMillis;
		}

	}

}
