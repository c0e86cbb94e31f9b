package io.murmur.benchmarks.faults;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.murmur.benchmarks.platform.BenchmarkPlatform;
import io.murmur.localstack.Store;
import io.murmur.localstack.StoreServer;

/**
 * One fault of the schedule: what breaks, for how long at least, and how it is mended.
 *
 * @param name a short name for the report
 * @param what what the fault does, in a sentence
 * @param inject breaks it
 * @param hold how long it stays broken before it is mended
 * @param heal mends it and returns once the broken part answers again
 * @param frontDoor whether it is the gateway that breaks: nothing is left to answer a
 * 503, so its calls must be refused at once instead
 */
record Fault(String name, String what, Runnable inject, Duration hold, Runnable heal, boolean frontDoor) {

	/** The services behind the gateway, each killed in turn. */
	static final List<String> SERVICES = List.of("user-service", "graph-service", "post-service", "feed-service",
			"media-service", "notification-service", "search-service");

	/** The stores, each stopped and started again. */
	static final List<Store> STORES = List.of(Store.CASSANDRA, Store.ELASTICSEARCH, Store.POSTGRES, Store.NEO4J,
			Store.S3);

	/**
	 * The whole schedule, in the order it runs.
	 * @param platform the platform to break
	 * @param hold how long each fault lasts at least
	 * @return the faults
	 */
	static List<Fault> schedule(BenchmarkPlatform platform, Duration hold) {
		List<Fault> faults = new ArrayList<>();
		for (String service : SERVICES) {
			faults.add(new Fault("kill -9 " + service,
					service + " killed with SIGKILL, started again by the harness after the hold",
					() -> platform.crash(service), hold, () -> platform.restart(service), false));
		}
		faults.add(new Fault("kill -9 gateway-service",
				"the gateway killed with SIGKILL, started again by the harness after the hold; the live "
						+ "notification streams break with it and open again",
				() -> platform.crash("gateway-service"), hold, () -> platform.restart("gateway-service"), true));
		StoreServer kafka = platform.stack().start(Store.KAFKA);
		faults.add(new Fault("Kafka stopped", "the broker stopped, started again on the same port with its data",
				kafka::stop, Duration.ofSeconds(Math.max(30, hold.toSeconds())), kafka::restart, false));
		faults.add(new Fault("Redis flushed", "FLUSHALL on every database: feeds, rate budgets, caches",
				() -> platform.stack().redis().flushAll(), hold, () -> {
				}, false));
		StoreServer redis = platform.stack().start(Store.REDIS);
		faults.add(new Fault("Redis restarted", "redis-server stopped and started again, empty (it keeps no files)",
				redis::stop, hold, redis::restart, false));
		for (Store store : STORES) {
			StoreServer server = platform.stack().start(store);
			faults.add(new Fault(store.id() + " stopped", store.id() + " stopped, started again with its data",
					server::stop, hold, server::restart, false));
		}
		return faults;
	}

}
