package io.murmur.benchmarks.report;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Waits, before each measurement, until the machine has settled: loading a graph leaves
 * work behind (user-service relaying one event per imported account, graph-service and
 * Neo4j adding each account to the graph, the stores flushing), and a measurement taken
 * while that runs compares a figure and its reference under different loads. Every wait
 * is kept for the report.
 *
 * @param busyBelow the machine is settled when it keeps fewer cores busy than this
 * @param window over how long that is judged
 * @param limit the longest wait, after which the measurement runs anyway and the report
 * says the machine had not settled
 */
public record Settling(double busyBelow, Duration window, Duration limit, List<Wait> waits) {

	private static final Logger logger = LoggerFactory.getLogger(Settling.class);

	/**
	 * Settled below half a core over 5 s (the idle platform keeps about 0.1–0.3 busy),
	 * waiting at most 10 minutes.
	 * @return the settling
	 */
	public static Settling standard() {
		return new Settling(0.5, Duration.ofSeconds(5), Duration.ofMinutes(10), new ArrayList<>());
	}

	/**
	 * Waits until the machine has settled, or the limit.
	 * @param before the measurement about to run
	 */
	public void await(String before) {
		long started = System.nanoTime();
		Map<String, Double> cores;
		boolean settled;
		do {
			CpuMeter meter = CpuMeter.ofThisRun();
			CpuMeter.Reading from = meter.read();
			sleep(this.window);
			cores = meter.coresBetween(from, meter.read());
			settled = cores.get(CpuMeter.MACHINE) < this.busyBelow;
		}
		while (!settled && System.nanoTime() - started < this.limit.toNanos());
		double seconds = (System.nanoTime() - started) / 1e9;
		Wait wait = new Wait(before, Math.round(seconds), settled, cores);
		this.waits.add(wait);
		logger.info("Before {}: waited {} s for the machine to settle{}; cores busy over the last {} s: {}", before,
				wait.seconds(), settled ? "" : " (it did not)", this.window.toSeconds(), cores);
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted", ex);
		}
	}

	/**
	 * One wait.
	 *
	 * @param before the measurement it preceded
	 * @param seconds how long it took
	 * @param settled whether the machine settled within the limit
	 * @param cores the cores each process kept busy over the last window
	 */
	public record Wait(String before, long seconds, boolean settled, Map<String, Double> cores) {

	}

}
