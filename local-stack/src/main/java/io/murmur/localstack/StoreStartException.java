package io.murmur.localstack;

/**
 * A store could not be started or did not become ready.
 */
public class StoreStartException extends RuntimeException {

	public StoreStartException(String message) {
		super(message);
	}

	public StoreStartException(String message, Throwable cause) {
		super(message, cause);
	}

}
