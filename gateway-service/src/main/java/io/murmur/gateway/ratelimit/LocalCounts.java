package io.murmur.gateway.ratelimit;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

/**
 * This replica's own count of every budget, in the same fixed windows as Redis keeps
 * them. It is what the limiter goes by when Redis does not answer in time: the budget
 * then holds per replica instead of not at all. A burst that slowed the limiter down used
 * to be let through whole.
 */
final class LocalCounts {

	/**
	 * Kept up on the threads that count (it is cheap), not on the JVM's common pool: on
	 * two cores that pool has one thread, and a task blocking it would leave the cache's
	 * upkeep, and so the event-loop threads waiting for it, stuck.
	 */
	private final Cache<String, Window> windows = Caffeine.newBuilder()
		.executor(Runnable::run)
		.maximumSize(100_000)
		.expireAfter(Expiry.creating((String key, Window window) -> window.length()))
		.build();

	/**
	 * Counts a request against a budget.
	 * @param key the budget's key
	 * @param length the budget's window
	 * @return the count in the current window and how long the window still runs
	 */
	Count count(String key, Duration length) {
		Window window = this.windows.get(key, (ignored) -> new Window(System.nanoTime(), length, new AtomicLong()));
		long count = window.requests().incrementAndGet();
		long left = window.startedAt() + length.toNanos() - System.nanoTime();
		return new Count(count, Math.max(0, left / 1_000_000));
	}

	private record Window(long startedAt, Duration length, AtomicLong requests) {

	}

	/**
	 * A request's place in its budget.
	 *
	 * @param count the requests counted in the window, this one included
	 * @param ttlMillis how long the window still runs
	 */
	record Count(long count, long ttlMillis) {

	}

}
