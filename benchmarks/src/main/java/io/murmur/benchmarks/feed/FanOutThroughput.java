package io.murmur.benchmarks.feed;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.murmur.benchmarks.platform.BenchmarkPlatform;
import io.murmur.benchmarks.report.CpuMeter;
import io.murmur.benchmarks.report.Settling;

/**
 * Fan-out throughput: timeline inserts per second that feed-service achieves. Every feed
 * of the graph is kept (see {@link FeedWorld#markEveryFeedKept()}), then the twenty
 * most-followed authors below the push threshold post once each, at post-service
 * directly, as fast as it acknowledges. The clock starts before the first post is sent
 * and stops at the last timeline insert, seen in Redis's own count of ZADD calls (one per
 * insert, inside feed-service's merge script); so the rate includes the outbox relay and
 * Kafka, as a real burst does, and the reads of follower ids from graph-service wherever
 * feed-service does not keep them.
 * <p>
 * Each {@link Round} restarts feed-service with its settings (on an emptied feed store,
 * every feed marked kept again), so that a change is measured before and after in the
 * same run; the first round is feed-service as it ships. A round's first
 * {@value #WARM_UP_BURSTS} bursts warm the freshly started JVM up, the first of them
 * filling feed-service's copies of the authors' follower ids; they are not counted, so
 * that the figure is the steady state of authors who post more than once. The first burst
 * is reported beside the others. feed-service is profiled with Java Flight Recorder
 * during each round's bursts.
 *
 * @param repetitions how many measured bursts per round, after the warm-up bursts
 * @param rounds the configurations measured, the shipped one first
 * @param work where the profiles go
 * @param settling waits for the machine to settle before each round
 */
public record FanOutThroughput(int repetitions, List<Round> rounds, java.nio.file.Path work, Settling settling) {

	private static final Logger logger = LoggerFactory.getLogger(FanOutThroughput.class);

	/**
	 * Bursts run before the measured ones. One was not enough: in the run of 21:31 on
	 * 2026-11-21, the three measured bursts after a single warm-up burst still grew
	 * (39,720, 48,407, 66,767 inserts/s) while the JIT compiled feed-service's fan-out.
	 * Three were not either: on its own, feed-service's push still needed a fifth of the
	 * CPU per insert after 160 posts that it needed after 40. After eight, in the runs of
	 * 2026-12-06, feed-service's C2 compiler threads still kept 0.16 to 0.25 of a core
	 * busy during the measured bursts.
	 */
	public static final int WARM_UP_BURSTS = 12;

	/**
	 * How often a burst reads the CPU counters of the run's processes, at most: reading
	 * them at every poll of Redis (100 a second) cost the benchmark's own process a tenth
	 * of a core, taken from the fan-out it measures.
	 */
	private static final Duration CPU_READING_EVERY = Duration.ofMillis(100);

	/**
	 * Measures.
	 * @param world the loaded power-law graph
	 * @return one sample per burst
	 */
	public List<RoundResult> run(FeedWorld world) {
		List<RoundResult> results = new ArrayList<>();
		for (Round round : this.rounds) {
			if (round.redisNice() != 0 && !world.platform().reniceRedis(round.redisNice())) {
				logger.warn("Fan-out round '{}' left out: Redis's priority cannot be changed here (renice to {} "
						+ "needs root)", round.name(), round.redisNice());
				continue;
			}
			try {
				results.add(round(world, round, results.size()));
			}
			finally {
				if (round.redisNice() != 0) {
					world.platform().reniceRedis(0);
				}
			}
		}
		return results;
	}

	private RoundResult round(FeedWorld world, Round round, int index) {
		logger.info("Fan-out round '{}': feed-service with {}", round.name(), round.settings());
		world.platform().restartFeedService(BenchmarkPlatform.DEFAULT_PUSH_THRESHOLD, round.settings());
		world.markEveryFeedKept();
		this.settling.await("fan-out round '" + round.name() + "'");
		Profile profile = Profile.start(world.platform().pids().get("feed-service"),
				this.work.resolve("fan-out-" + index + ".jfr"));
		List<Double> warmUp = new ArrayList<>();
		List<Sample> bursts = bursts(world, warmUp);
		return new RoundResult(round, bursts.get(0), warmUp, bursts.subList(1, bursts.size()), profile.stop(15));
	}

	/**
	 * The first warm-up burst, then the measured ones.
	 */
	private List<Sample> bursts(FeedWorld world, List<Double> warmUpRates) {
		List<Integer> authors = world.cast().fanOutAuthors();
		long expected = authors.stream().mapToLong((author) -> world.cast().followers()[author] + 1L).sum();
		List<Sample> samples = new ArrayList<>();
		try (BenchmarkPlatform.FeedRedis redis = world.platform().feedRedis()) {
			for (int i = 0; i < WARM_UP_BURSTS; i++) {
				Sample warmUp = burst(world, redis, authors, expected);
				logger.info("Fan-out warm-up burst {} (not counted): {} inserts/s", i + 1,
						Math.round(warmUp.insertsPerSecond()));
				warmUpRates.add(warmUp.insertsPerSecond());
				if (i == 0) {
					samples.add(warmUp);
				}
			}
			for (int i = 0; i < this.repetitions; i++) {
				Sample sample = burst(world, redis, authors, expected);
				logger.info("Fan-out burst {}: {} inserts (expected {}) in {} s: {} inserts/s", i + 1, sample.inserts(),
						expected, String.format("%.2f", sample.seconds()), Math.round(sample.insertsPerSecond()));
				samples.add(sample);
			}
		}
		return samples;
	}

	private Sample burst(FeedWorld world, BenchmarkPlatform.FeedRedis redis, List<Integer> authors, long expected) {
		CpuMeter cpu = CpuMeter.ofThisRun();
		long zaddsBefore = RedisCounters.calls(redis.commands()).getOrDefault("zadd", 0L);
		long feedService = world.platform().pids().get("feed-service");
		Map<String, Long> threadsBefore = CpuMeter.threadTicks(feedService);
		CpuMeter.Reading start = cpu.read();
		world.inParallel(authors, 4, world::postDirect);
		double acknowledged = (System.nanoTime() - start.nanos()) / 1e9;
		long last = zaddsBefore;
		long firstChange = -1;
		Map<String, Long> threadsAtEnd = threadsBefore;
		CpuMeter.Reading end = start;
		long lastChange = start.nanos();
		while (System.nanoTime() - lastChange < Duration.ofSeconds(2).toNanos() || last - zaddsBefore < expected / 2) {
			long zadds = RedisCounters.calls(redis.commands()).getOrDefault("zadd", 0L);
			if (zadds != last) {
				last = zadds;
				lastChange = System.nanoTime();
				if (firstChange < 0) {
					firstChange = lastChange;
				}
				if (lastChange - end.nanos() >= CPU_READING_EVERY.toNanos()) {
					end = cpu.read();
					threadsAtEnd = CpuMeter.threadTicks(feedService);
				}
			}
			if (System.nanoTime() - start.nanos() > Duration.ofMinutes(5).toNanos()) {
				throw new IllegalStateException("Fan-out did not finish within 5 minutes");
			}
			RedisCounters.sleep(Duration.ofMillis(10));
		}
		long inserts = last - zaddsBefore;
		double seconds = (lastChange - start.nanos()) / 1e9;
		return new Sample(authors.size(), expected, inserts, seconds, inserts / seconds, acknowledged,
				(firstChange - start.nanos()) / 1e9, cpu.coresBetween(start, end),
				CpuMeter.threadCores(threadsBefore, threadsAtEnd, (end.nanos() - start.nanos()) / 1e9));
	}

	/**
	 * A configuration of feed-service to measure.
	 *
	 * @param name a short name
	 * @param why what it changes and why
	 * @param settings the properties feed-service is started with
	 * @param redisNice the nice value Redis runs at during the round's bursts (0 as
	 * usual; below 0 puts Redis ahead of the JVMs when both cores are busy, as if it had
	 * a core of its own)
	 */
	public record Round(String name, String why, Map<String, String> settings, int redisNice) {

		/**
		 * A round of feed-service settings, Redis at its usual priority.
		 * @param name a short name
		 * @param why what it changes and why
		 * @param settings the properties feed-service is started with
		 */
		public Round(String name, String why, Map<String, String> settings) {
			this(name, why, settings, 0);
		}

	}

	/**
	 * The bursts of one round.
	 *
	 * @param round the configuration
	 * @param warmUp its first burst, not counted: a fresh JVM, and every author's
	 * follower ids read from graph-service
	 * @param warmUpRates the rate of every warm-up burst, to show the JIT had finished
	 * @param bursts its measured bursts
	 * @param profile feed-service's CPU samples during the bursts: the share (%) whose
	 * innermost frame of Murmur's code (or else the innermost frame) is each method
	 */
	public record RoundResult(Round round, Sample warmUp, List<Double> warmUpRates, List<Sample> bursts,
			Map<String, Double> profile) {

	}

	/**
	 * One burst.
	 *
	 * @param posts how many posts
	 * @param expectedInserts followers of their authors, plus each author's own feed
	 * @param inserts the inserts Redis counted
	 * @param seconds from the first post sent to the last insert
	 * @param insertsPerSecond the rate
	 * @param acknowledgedSeconds from the first post sent to the last one acknowledged by
	 * post-service
	 * @param firstInsertSeconds from the first post sent to the first insert seen: the
	 * posts, the outbox relay and Kafka, before feed-service writes anything. Redis is
	 * watched once every post is acknowledged, so this is never less than
	 * {@code acknowledgedSeconds}
	 * @param cores the cores each process kept busy during the burst, on average (see
	 * {@link CpuMeter#coresBetween}), up to the last reading of the counters, at most
	 * {@link #CPU_READING_EVERY} before the last insert
	 * @param feedServiceThreads the cores each kind of feed-service's threads kept busy
	 * (see {@link CpuMeter#threadCores}): whether it was still compiling, collecting
	 * garbage, or fanning out
	 */
	public record Sample(int posts, long expectedInserts, long inserts, double seconds, double insertsPerSecond,
			double acknowledgedSeconds, double firstInsertSeconds, Map<String, Double> cores,
			Map<String, Double> feedServiceThreads) {

	}

}
