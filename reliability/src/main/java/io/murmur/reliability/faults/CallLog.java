package io.murmur.reliability.faults;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Predicate;

/**
 * Every call the workload made, kept for the report: which routes failed while a fault
 * lasted, how, and how fast the others still were.
 */
public final class CallLog {

	private final long epochNanos = System.nanoTime();

	private final ConcurrentLinkedQueue<Call> calls = new ConcurrentLinkedQueue<>();

	/**
	 * The time since the log began, the clock of every {@link Call#startedAt()}.
	 * @return milliseconds
	 */
	public long now() {
		return (System.nanoTime() - this.epochNanos) / 1_000_000;
	}

	/**
	 * Records a call that has ended.
	 * @param call the call
	 */
	public void add(Call call) {
		this.calls.add(call);
	}

	/**
	 * The calls sent within a span of time.
	 * @param from start, inclusive, in {@link #now()} milliseconds
	 * @param to end, exclusive
	 * @return the calls, in no particular order
	 */
	public List<Call> between(long from, long to) {
		return this.calls.stream().filter((call) -> call.startedAt() >= from && call.startedAt() < to).toList();
	}

	/**
	 * All calls.
	 * @return the calls, in the order they ended
	 */
	public List<Call> all() {
		return List.copyOf(this.calls);
	}

	/**
	 * Statistics per route over some calls.
	 * @param calls the calls
	 * @return by route name, sorted
	 */
	public static Map<String, RouteStats> byRoute(List<Call> calls) {
		Map<String, List<Call>> grouped = new TreeMap<>();
		calls.forEach((call) -> grouped.computeIfAbsent(call.route(), (key) -> new ArrayList<>()).add(call));
		Map<String, RouteStats> stats = new TreeMap<>();
		grouped.forEach((route, list) -> stats.put(route, RouteStats.of(list)));
		return stats;
	}

	/**
	 * What one route did over some span.
	 *
	 * @param calls how many calls were sent
	 * @param succeeded how many got a 2xx answer
	 * @param unavailable how many got 503 or 504 problem+json
	 * @param malformed how many errors came without a problem body, or not at all
	 * @param serverErrors how many got another 5xx: 500 and the like, never acceptable
	 * @param p99Succeeded the 99th percentile of the successful calls, in milliseconds; 0
	 * without any
	 * @param slowestError the longest any error took to arrive, in milliseconds
	 * @param statuses how many calls got each status, 0 for no answer
	 */
	public record RouteStats(int calls, int succeeded, int unavailable, int malformed, int serverErrors,
			long p99Succeeded, long slowestError, Map<Integer, Integer> statuses) {

		static RouteStats of(List<Call> calls) {
			Predicate<Call> unavailable = (call) -> (call.status() == 503 || call.status() == 504) && call.problem();
			List<Long> fine = calls.stream()
				.filter(Call::succeeded)
				.map(Call::millis)
				.sorted(Comparator.naturalOrder())
				.toList();
			long slowestError = calls.stream()
				.filter((call) -> !call.succeeded())
				.mapToLong(Call::millis)
				.max()
				.orElse(0);
			Map<Integer, Integer> statuses = new TreeMap<>();
			calls.forEach((call) -> statuses.merge(call.status(), 1, Integer::sum));
			return new RouteStats(calls.size(), fine.size(), (int) calls.stream().filter(unavailable).count(),
					(int) calls.stream().filter((call) -> !call.wellFormed()).count(),
					(int) calls.stream()
						.filter((call) -> call.status() >= 500 && call.status() != 503 && call.status() != 504)
						.count(),
					percentile(fine, 0.99), slowestError, Map.copyOf(statuses));
		}

		private static long percentile(List<Long> sorted, double quantile) {
			if (sorted.isEmpty()) {
				return 0;
			}
			int index = (int) Math.ceil(quantile * sorted.size()) - 1;
			return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
		}

		/**
		 * Whether every failure of the route was a clean "unavailable".
		 * @return {@code false} if any error was malformed or another 5xx
		 */
		public boolean failedCleanly() {
			return this.malformed == 0 && this.serverErrors == 0;
		}

	}

}
