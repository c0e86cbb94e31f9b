package io.murmur.support.client;

import org.springframework.web.client.ResourceAccessException;

/**
 * No service token could be obtained: user-service did not answer, refused the
 * credentials or answered with something that is not a token. Like any other service that
 * cannot be reached, a failure that may pass: an event listener retries it for as long as
 * it lasts instead of parking the event.
 */
public class ServiceTokenException extends ResourceAccessException {

	ServiceTokenException(String message) {
		super(message);
	}

	ServiceTokenException(String message, Throwable cause) {
		super(message);
		initCause(cause);
	}

}
