package io.murmur.localstack.platform.seed;

/**
 * Seeding cannot go on: a service refused a request, answered something unexpected or
 * stopped answering. The message says which request and what came back.
 */
public final class SeedException extends RuntimeException {

	SeedException(String message) {
		super(message);
	}

}
