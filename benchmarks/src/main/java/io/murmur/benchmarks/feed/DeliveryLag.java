package io.murmur.benchmarks.feed;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.lettuce.core.api.sync.RedisCommands;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.murmur.benchmarks.load.GatlingRunner;
import io.murmur.benchmarks.load.LatencySample;
import io.murmur.benchmarks.platform.BenchmarkPlatform;
import io.murmur.benchmarks.simulation.FeedWorkloadSimulation;
import io.murmur.benchmarks.simulation.WorkloadSettings;

/**
 * Delivery lag: from a post acknowledged to the client (the gateway's 201) to the post in
 * a follower's home feed. Five authors with about 1,000 followers each (below the push
 * threshold, so pushed) post in turn through the gateway every {@code interval}, while a
 * steady mixed load (the DeathStarBench mix) runs through the same gateway. For each
 * post, one follower's feed is watched in Redis every 2 ms (what the feed read serves
 * from), then read once through the gateway to confirm the post is on the page.
 *
 * @param repetitions how many measurements
 * @param warmUp the background load's warm-up before the probes start
 * @param duration how long the probes post
 * @param backgroundRate the mixed load's arrival rate, requests per second
 * @param interval how often each author posts (the gateway allows 120 writes a minute)
 */
public record DeliveryLag(int repetitions, Duration warmUp, Duration duration, double backgroundRate,
		Duration interval) {

	private static final Logger logger = LoggerFactory.getLogger(DeliveryLag.class);

	/**
	 * Measures.
	 * @param world the loaded power-law graph, every feed kept
	 * @param probes a follower of each lag author, in the same order
	 * @param gatling the load tool
	 * @param work where to write the simulation's inputs
	 * @return one sample per repetition
	 */
	public List<Sample> run(FeedWorld world, List<Integer> probes, GatlingRunner gatling, Path work) {
		Path readers = world.writeTokens(world.cast().readers(), work.resolve("lag-readers.txt"));
		Path authors = world.writeIds(world.cast().contentAuthors(), work.resolve("lag-authors.txt"));
		// The followers watched are active readers: each reads their feed once first,
		// which also warms feed-service up after its restart.
		world.inParallel(probes, 2, (probe) -> firstPage(world, probe));
		List<Sample> samples = new ArrayList<>();
		for (int i = 0; i < this.repetitions; i++) {
			GatlingRunner.Running background = gatling.start(FeedWorkloadSimulation.class,
					WorkloadSettings
						.mixed(world.platform().gatewayUrl().toString(), this.backgroundRate, this.warmUp,
								this.duration.plusSeconds(5), readers, authors)
						.toJvmArguments(),
					"lag-background-" + (i + 1), this.warmUp.plus(this.duration));
			RedisCounters.sleep(this.warmUp.plusSeconds(3));
			List<Double> lags = Collections.synchronizedList(new ArrayList<>());
			AtomicInteger notOnPage = new AtomicInteger();
			List<Integer> lagAuthors = world.cast().lagAuthors();
			List<Integer> slots = new ArrayList<>();
			for (int a = 0; a < lagAuthors.size(); a++) {
				slots.add(a);
			}
			world.inParallel(slots, slots.size(), (slot) -> probe(world, lagAuthors.get(slot), probes.get(slot),
					slot * this.interval.toMillis() / slots.size(), lags, notOnPage));
			LatencySample load = background.await();
			Sample sample = Sample.of(List.copyOf(lags), notOnPage.get(), load);
			logger.info(
					"Delivery lag {}: {} posts, p50 {} ms, p99 {} ms, max {} ms; {} not on the page; "
							+ "background p99 {} ms",
					i + 1, sample.lagsMs().size(), sample.p50(), sample.p99(), sample.max(), sample.notOnPage(),
					load.p99());
			samples.add(sample);
		}
		return samples;
	}

	private void probe(FeedWorld world, int author, int follower, long offsetMs, List<Double> lags,
			AtomicInteger notOnPage) {
		RedisCounters.sleep(Duration.ofMillis(offsetMs));
		long end = System.nanoTime() + this.duration.toNanos();
		String feed = "feed:{" + world.loaded().id(follower) + "}";
		try (BenchmarkPlatform.FeedRedis redis = world.platform().feedRedis()) {
			RedisCommands<String, String> commands = redis.commands();
			while (System.nanoTime() < end) {
				long next = System.nanoTime() + this.interval.toNanos();
				long postId = world.postThroughGateway(author);
				long acknowledged = System.nanoTime();
				String member = FeedWorld.member(postId);
				while (commands.zscore(feed, member) == null) {
					if (System.nanoTime() - acknowledged > Duration.ofSeconds(60).toNanos()) {
						throw new IllegalStateException("Post " + postId + " did not reach " + feed + " in 60 s");
					}
					RedisCounters.sleep(Duration.ofMillis(2));
				}
				lags.add((System.nanoTime() - acknowledged) / 1e6);
				if (!firstPage(world, follower).contains(postId)) {
					notOnPage.incrementAndGet();
				}
				long wait = next - System.nanoTime();
				if (wait > 0) {
					RedisCounters.sleep(Duration.ofNanos(wait));
				}
			}
		}
	}

	/**
	 * The post ids on a follower's first page. A read that fails (the gateway answering
	 * 503 even after retries) gives an empty page, and is logged, so that a post counts
	 * as not on the page and the lags measured in Redis are kept.
	 */
	private static List<Long> firstPage(FeedWorld world, int follower) {
		try {
			return world.readFeed(follower, 20);
		}
		catch (IllegalStateException ex) {
			logger.warn("Could not read the feed of user {}: {}", follower, ex.getMessage());
			return List.of();
		}
	}

	/**
	 * One repetition.
	 *
	 * @param lagsMs every lag measured, ms
	 * @param p50 the median lag
	 * @param p99 the 99th percentile
	 * @param max the largest
	 * @param notOnPage posts in Redis that the follower's page did not show
	 * @param background the mixed load that ran meanwhile
	 */
	public record Sample(List<Double> lagsMs, double p50, double p99, double max, int notOnPage,
			LatencySample background) {

		static Sample of(List<Double> lags, int notOnPage, LatencySample background) {
			if (lags.isEmpty()) {
				throw new IllegalStateException("No delivery was measured");
			}
			double[] sorted = lags.stream().mapToDouble(Double::doubleValue).sorted().toArray();
			return new Sample(lags, percentile(sorted, 50), percentile(sorted, 99), sorted[sorted.length - 1],
					notOnPage, background);
		}

		static double percentile(double[] sorted, int percentile) {
			int rank = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
			return Math.round(sorted[Math.max(0, rank)] * 10) / 10.0;
		}

	}

}
