package io.murmur.benchmarks.feed;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.murmur.benchmarks.load.GatlingRunner;
import io.murmur.benchmarks.load.LatencySample;
import io.murmur.benchmarks.simulation.FeedWorkloadSimulation;
import io.murmur.benchmarks.simulation.WorkloadSettings;

/**
 * The mixed workload of DeathStarBench's social network on socfb-Reed98: 60% home-feed
 * reads, 30% user-timeline reads, 10% posts, through the gateway, every user of the graph
 * taking part, at rising arrival rates (an open model). The highest rate whose p99 stays
 * at or under {@code p99LimitMs}, with at most 1% failed requests, is the figure; a
 * repetition stops at the first rate over the limit. A step measures at least
 * {@value #MIN_REQUESTS} requests, longer than {@code duration} at low rates, so that its
 * p99 is not just its slowest request or two.
 *
 * @param repetitions how many climbs
 * @param rates the arrival rates to try, rising
 * @param warmUp each step's warm-up
 * @param duration each step's measurement
 * @param p99LimitMs the latency limit
 */
public record MixedWorkload(int repetitions, List<Double> rates, Duration warmUp, Duration duration,
		double p99LimitMs) {

	private static final Logger logger = LoggerFactory.getLogger(MixedWorkload.class);

	/** The fewest requests a step measures. */
	public static final int MIN_REQUESTS = 300;

	/**
	 * Measures.
	 * @param world the loaded Reed98 graph, everyone signed in
	 * @param gatling the load tool
	 * @param work where to write the simulation's inputs
	 * @return one climb per repetition
	 */
	public List<Climb> run(FeedWorld world, GatlingRunner gatling, Path work) {
		Path readers = world.writeTokens(world.cast().readers(), work.resolve("mixed-readers.txt"));
		Path authors = world.writeIds(world.cast().contentAuthors(), work.resolve("mixed-authors.txt"));
		world.buildReadersFeeds();
		List<Climb> climbs = new ArrayList<>();
		for (int i = 0; i < this.repetitions; i++) {
			List<Step> steps = new ArrayList<>();
			double best = 0;
			for (double rate : this.rates) {
				LatencySample sample = gatling.run(
						FeedWorkloadSimulation.class, WorkloadSettings.mixed(world.platform().gatewayUrl().toString(),
								rate, this.warmUp, stepDuration(rate), readers, authors),
						"mixed-" + (i + 1) + "-" + Math.round(rate));
				boolean within = sample.p99() <= this.p99LimitMs && sample.failed() <= 0.01 * sample.requests();
				steps.add(new Step(rate, sample, within));
				if (!within) {
					break;
				}
				best = rate;
			}
			logger.info("Mixed workload climb {}: highest rate within p99 {} ms: {} req/s", i + 1, this.p99LimitMs,
					best);
			climbs.add(new Climb(best, steps));
		}
		return climbs;
	}

	/**
	 * How long a step at a rate measures: the configured duration, or longer when that
	 * would measure fewer than {@value #MIN_REQUESTS} requests.
	 * @param rate the arrival rate
	 * @return the step's measurement time
	 */
	public Duration stepDuration(double rate) {
		Duration enough = Duration.ofSeconds((long) Math.ceil(MIN_REQUESTS / rate));
		return (enough.compareTo(this.duration) > 0) ? enough : this.duration;
	}

	/**
	 * One climb.
	 *
	 * @param maxRateWithinLimit the highest rate that met the limit, 0 if none did
	 * @param steps every rate tried
	 */
	public record Climb(double maxRateWithinLimit, List<Step> steps) {

	}

	/**
	 * One rate.
	 *
	 * @param rate the arrival rate
	 * @param sample what it measured
	 * @param withinLimit whether it met the limit
	 */
	public record Step(double rate, LatencySample sample, boolean withinLimit) {

	}

}
