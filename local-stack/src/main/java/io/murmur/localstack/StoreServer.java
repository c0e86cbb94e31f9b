package io.murmur.localstack;

import java.util.Map;

/**
 * A running store server owned by a {@link LocalStack}.
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
	 * The process id of the store's main process.
	 * @return the pid
	 */
	long pid();

	/**
	 * Stops the store cleanly, forcibly after a grace period.
	 */
	@Override
	void close();

}
