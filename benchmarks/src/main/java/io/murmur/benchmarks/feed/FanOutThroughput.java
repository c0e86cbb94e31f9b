package io.murmur.benchmarks.feed;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.murmur.benchmarks.platform.BenchmarkPlatform;

/**
 * Fan-out throughput: timeline inserts per second that feed-service achieves. Every feed
 * of the graph is kept (see {@link FeedWorld#markEveryFeedKept()}), then the twenty
 * most-followed authors below the push threshold post once each, at post-service
 * directly, as fast as it acknowledges. The clock starts before the first post is sent
 * and stops at the last timeline insert, seen in Redis's own count of ZADD calls (one per
 * insert, inside feed-service's merge script); so the rate includes the outbox relay,
 * Kafka and the follower-page reads from graph-service, as a real burst does.
 *
 * @param repetitions how many bursts
 */
public record FanOutThroughput(int repetitions) {

	private static final Logger logger = LoggerFactory.getLogger(FanOutThroughput.class);

	/**
	 * Measures.
	 * @param world the loaded power-law graph
	 * @return one sample per burst
	 */
	public List<Sample> run(FeedWorld world) {
		world.markEveryFeedKept();
		List<Integer> authors = world.cast().fanOutAuthors();
		long expected = authors.stream().mapToLong((author) -> world.cast().followers()[author] + 1L).sum();
		List<Sample> samples = new ArrayList<>();
		try (BenchmarkPlatform.FeedRedis redis = world.platform().feedRedis()) {
			for (int i = 0; i < this.repetitions; i++) {
				Map<String, Long> before = RedisCounters.calls(redis.commands());
				long zaddsBefore = before.getOrDefault("zadd", 0L);
				long started = System.nanoTime();
				world.inParallel(authors, 4, world::postDirect);
				long last = zaddsBefore;
				long lastChange = System.nanoTime();
				while (System.nanoTime() - lastChange < Duration.ofSeconds(2).toNanos()
						|| last - zaddsBefore < expected / 2) {
					long zadds = RedisCounters.calls(redis.commands()).getOrDefault("zadd", 0L);
					if (zadds != last) {
						last = zadds;
						lastChange = System.nanoTime();
					}
					if (System.nanoTime() - started > Duration.ofMinutes(5).toNanos()) {
						throw new IllegalStateException("Fan-out did not finish within 5 minutes");
					}
					RedisCounters.sleep(Duration.ofMillis(10));
				}
				long inserts = last - zaddsBefore;
				double seconds = (lastChange - started) / 1e9;
				Sample sample = new Sample(authors.size(), expected, inserts, seconds, inserts / seconds);
				logger.info("Fan-out burst {}: {} inserts (expected {}) in {} s: {} inserts/s", i + 1, inserts,
						expected, String.format("%.2f", seconds), Math.round(sample.insertsPerSecond()));
				samples.add(sample);
			}
		}
		return samples;
	}

	/**
	 * One burst.
	 *
	 * @param posts how many posts
	 * @param expectedInserts followers of their authors, plus each author's own feed
	 * @param inserts the inserts Redis counted
	 * @param seconds from the first post sent to the last insert
	 * @param insertsPerSecond the rate
	 */
	public record Sample(int posts, long expectedInserts, long inserts, double seconds, double insertsPerSecond) {

	}

}
