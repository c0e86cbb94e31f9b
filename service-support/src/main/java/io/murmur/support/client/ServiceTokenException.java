package io.murmur.support.client;

/**
 * No service token could be obtained: user-service did not answer, refused the
 * credentials or answered with something that is not a token.
 */
public class ServiceTokenException extends RuntimeException {

	ServiceTokenException(String message) {
		super(message);
	}

	ServiceTokenException(String message, Throwable cause) {
		super(message, cause);
	}

}
