package io.murmur.benchmarks.feed;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.murmur.benchmarks.load.GatlingRunner;
import io.murmur.benchmarks.load.LatencySample;
import io.murmur.benchmarks.platform.BenchmarkPlatform;
import io.murmur.benchmarks.report.Spread;
import io.murmur.benchmarks.simulation.FeedWorkloadSimulation;
import io.murmur.benchmarks.simulation.WorkloadSettings;

/**
 * Push-only, pull-only and hybrid fan-out on the same graph, in the same run:
 * feed-service is restarted with push threshold {@link Integer#MAX_VALUE} (everyone
 * pushed), 1 (everyone with a follower pulled) and the production 10,000, each time on an
 * emptied feed store. Then, for each strategy:
 * <ol>
 * <li>the readers read their feeds once, which builds them, and every other feed of the
 * graph is marked kept (every user active: the most push work);</li>
 * <li>writes: posts by the content authors below the threshold, then one post by each
 * celebrity on its own, at post-service directly; Redis's own count of write commands
 * (inside scripts too) once it settles, per post;</li>
 * <li>reads: 20-item home-feed pages through the gateway, {@code concurrency} readers
 * back to back (a closed model, so the throughput is what the platform sustains), then a
 * {@link ReadBreakdown} of where a page's time goes.</li>
 * </ol>
 *
 * @param repetitions how many read measurements per strategy
 * @param concurrency readers reading back to back
 * @param warmUp each read measurement's warm-up
 * @param duration each read measurement
 * @param writePosts how many ordinary posts the write count averages over
 */
public record StrategyComparison(int repetitions, int concurrency, Duration warmUp, Duration duration, int writePosts) {

	private static final Logger logger = LoggerFactory.getLogger(StrategyComparison.class);

	/** The strategies, with the push threshold that makes each. */
	public enum Strategy {

		/** Every author pushed. */
		PUSH(Integer.MAX_VALUE),

		/** Every author with a follower pulled. */
		PULL(1),

		/** Pushed below the production threshold, pulled above. */
		HYBRID(BenchmarkPlatform.DEFAULT_PUSH_THRESHOLD);

		private final int threshold;

		Strategy(int threshold) {
			this.threshold = threshold;
		}

		/**
		 * The push threshold.
		 * @return the threshold
		 */
		public int threshold() {
			return this.threshold;
		}

	}

	/**
	 * Measures every strategy, and leaves feed-service on the production threshold.
	 * @param world the loaded power-law graph
	 * @param gatling the load tool
	 * @param work where to write the simulations' inputs
	 * @return the results by strategy
	 */
	public Map<Strategy, Result> run(FeedWorld world, GatlingRunner gatling, Path work) {
		Path readers = world.writeTokens(world.cast().readers(), work.resolve("strategy-readers.txt"));
		Path authors = world.writeIds(world.cast().contentAuthors(), work.resolve("strategy-authors.txt"));
		Map<Strategy, Result> results = new LinkedHashMap<>();
		for (Strategy strategy : Strategy.values()) {
			logger.info("Strategy {}: restarting feed-service with push threshold {}", strategy, strategy.threshold());
			world.platform().restartFeedService(strategy.threshold());
			world.buildReadersFeeds();
			world.markEveryFeedKept();
			double writesPerPost = writesPerPost(world);
			List<CelebrityWrites> celebrities = new ArrayList<>();
			for (int celebrity : world.cast().celebrities()) {
				celebrities
					.add(new CelebrityWrites(world.cast().followers()[celebrity], writes(world, List.of(celebrity))));
			}
			List<LatencySample> reads = new ArrayList<>();
			for (int i = 0; i < this.repetitions; i++) {
				reads.add(gatling.run(FeedWorkloadSimulation.class,
						WorkloadSettings.feedReads(world.platform().gatewayUrl().toString(), this.concurrency,
								this.warmUp, this.duration, readers, authors),
						"reads-" + strategy.name().toLowerCase(java.util.Locale.ROOT) + "-" + (i + 1)));
			}
			Map<String, Spread> breakdown = new ReadBreakdown(30).run(world);
			Result result = new Result(strategy.threshold(), writesPerPost, celebrities, reads, breakdown);
			logger.info("Strategy {}: {} writes per post; celebrities {}; reads {}", strategy,
					Math.round(writesPerPost), celebrities, reads);
			results.put(strategy, result);
		}
		if (world.platform().pushThreshold() != BenchmarkPlatform.DEFAULT_PUSH_THRESHOLD) {
			world.platform().restartFeedService(BenchmarkPlatform.DEFAULT_PUSH_THRESHOLD);
		}
		return results;
	}

	private double writesPerPost(FeedWorld world) {
		List<Integer> authors = new ArrayList<>();
		List<Integer> candidates = world.cast()
			.contentAuthors()
			.stream()
			.filter((author) -> !world.cast().celebrities().contains(author))
			.toList();
		for (int i = 0; i < this.writePosts; i++) {
			authors.add(candidates.get(i % candidates.size()));
		}
		return writes(world, authors) / (double) authors.size();
	}

	private static long writes(FeedWorld world, List<Integer> authors) {
		try (BenchmarkPlatform.FeedRedis redis = world.platform().feedRedis()) {
			Map<String, Long> before = RedisCounters.calls(redis.commands());
			world.inParallel(authors, 4, world::postDirect);
			Map<String, Long> after = RedisCounters.awaitQuiet(redis.commands(), before, authors.size(),
					Duration.ofMillis(1500), Duration.ofMinutes(5));
			return RedisCounters.writes(after) - RedisCounters.writes(before);
		}
	}

	/**
	 * What one strategy cost and served.
	 *
	 * @param threshold its push threshold
	 * @param writesPerPost Redis writes per ordinary post
	 * @param celebrities Redis writes for one post by each celebrity
	 * @param reads each read measurement
	 * @param breakdown where a page's time goes, one request at a time, ms by hop
	 */
	public record Result(int threshold, double writesPerPost, List<CelebrityWrites> celebrities,
			List<LatencySample> reads, Map<String, Spread> breakdown) {

	}

	/**
	 * The Redis writes of one celebrity post.
	 *
	 * @param followers the celebrity's followers
	 * @param writes Redis writes the post made
	 */
	public record CelebrityWrites(int followers, long writes) {

	}

}
