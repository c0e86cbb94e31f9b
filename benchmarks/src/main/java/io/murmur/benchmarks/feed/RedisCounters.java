package io.murmur.benchmarks.feed;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import io.lettuce.core.api.sync.RedisCommands;

/**
 * Redis's own count of the commands it executed ({@code INFO commandstats}), including
 * those a Lua script runs: how many writes fan-out and reads cost, measured where they
 * land rather than where they are sent from.
 */
final class RedisCounters {

	/** The commands feed-service writes with. */
	static final Set<String> WRITES = Set.of("zadd", "zrem", "zremrangebyrank", "zremrangebyscore", "hset", "hdel",
			"hsetnx", "sadd", "srem", "pexpire", "expire", "del", "unlink", "set", "psetex", "setex", "rename");

	private RedisCounters() {
	}

	/**
	 * The calls of every command so far.
	 * @param redis a connection
	 * @return calls by command name
	 */
	static Map<String, Long> calls(RedisCommands<String, String> redis) {
		Map<String, Long> calls = new HashMap<>();
		for (String line : redis.info("commandstats").split("\r?\n")) {
			if (line.startsWith("cmdstat_")) {
				int colon = line.indexOf(':');
				int end = line.indexOf(',', colon);
				calls.put(line.substring("cmdstat_".length(), colon),
						Long.parseLong(line.substring(line.indexOf("calls=") + "calls=".length(), end)));
			}
		}
		return calls;
	}

	static long writes(Map<String, Long> calls) {
		return calls.entrySet()
			.stream()
			.filter((entry) -> WRITES.contains(entry.getKey()))
			.mapToLong(Map.Entry::getValue)
			.sum();
	}

	static long total(Map<String, Long> calls) {
		return calls.values().stream().mapToLong(Long::longValue).sum();
	}

	/**
	 * Waits until Redis has written nothing for a while, after at least {@code atLeast}
	 * writes since {@code before}: the work set off has landed.
	 * @param redis a connection
	 * @param before the counts before the work
	 * @param atLeast the writes the work makes at the least
	 * @param quiet how long nothing must be written
	 * @param limit the longest to wait
	 * @return the counts once quiet
	 */
	static Map<String, Long> awaitQuiet(RedisCommands<String, String> redis, Map<String, Long> before, long atLeast,
			Duration quiet, Duration limit) {
		long deadline = System.nanoTime() + limit.toNanos();
		long base = writes(before);
		long last = -1;
		long lastChange = System.nanoTime();
		while (true) {
			Map<String, Long> now = calls(redis);
			long writes = writes(now);
			if (writes != last) {
				last = writes;
				lastChange = System.nanoTime();
			}
			else if (writes - base >= atLeast && System.nanoTime() - lastChange >= quiet.toNanos()) {
				return now;
			}
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("Redis did not settle within " + limit + " (" + (writes - base)
						+ " writes, expected at least " + atLeast + ")");
			}
			sleep(Duration.ofMillis(100));
		}
	}

	static void sleep(Duration duration) {
		try {
			Thread.sleep(duration);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted", ex);
		}
	}

}
