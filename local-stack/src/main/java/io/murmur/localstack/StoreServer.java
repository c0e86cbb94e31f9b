package io.murmur.localstack;

import java.util.Map;

/**
 * A store server owned by a {@link LocalStack}.
 * <p>
 * Between its start and {@link #close()}, a store can be {@link #stop() stopped} and
 * {@link #restart() restarted} any number of times: it comes back on the same ports with
 * the same data and configuration (Redis, which keeps nothing on disk, comes back empty),
 * so that clients which kept their connection settings reconnect. That is how tests and
 * fault-injection runs take a store away from the services that use it.
 */
public interface StoreServer extends AutoCloseable {

	/**
	 * Which store this is.
	 * @return the store
	 */
	Store store();

	/**
	 * Where clients reach the store, for people reading status output.
	 * @return e.g. {@code 127.0.0.1:6379} or a URL
	 */
	String endpoint();

	/**
	 * Spring Boot properties that point an application at this store.
	 * @return property names and values
	 */
	Map<String, String> springProperties();

	/**
	 * Proves the store answers by a real call through its own client.
	 * @return {@code true} if the call succeeded
	 */
	boolean isHealthy();

	/**
	 * The process id of the store's main process, or of the last one while the store is
	 * stopped.
	 * @return the pid
	 */
	long pid();

	/**
	 * Stops the store's process (SIGTERM, or the store's own clean shutdown, forcibly
	 * after a grace period) and keeps its data directory, configuration and ports for
	 * {@link #restart()}. Meanwhile clients find nothing listening: their connections are
	 * refused. Stopping a stopped store does nothing.
	 * @throws IllegalStateException if the store is closed
	 */
	void stop();

	/**
	 * Stops the store if it runs, launches the same command again on the same ports with
	 * the same data, and waits until it answers, as at its first start.
	 * @throws IllegalStateException if the store is closed
	 * @throws StoreStartException if it does not answer in time; it is stopped then, and
	 * may be restarted again
	 */
	void restart();

	/**
	 * Whether the store's process runs: started, not stopped or closed since, and alive.
	 * Whether it answers is what {@link #isHealthy()} tells.
	 * @return {@code true} if it runs
	 */
	boolean isRunning();

	/**
	 * Stops the store for good, cleanly and forcibly after a grace period, and removes
	 * what it stored where that is the store's habit; its log stays.
	 */
	@Override
	void close();

}
