package io.murmur.support.events.kafka;

import java.util.List;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.ResourceAccessException;

/**
 * Sorts what a listener throws into failures that may pass by themselves (retried for as
 * long as they last) and the others (retried a few times, then dead-lettered).
 * <p>
 * Transient: a store out of reach or busy (Spring's {@code TransientDataAccessException},
 * {@code DataAccessResourceFailureException}, {@code RecoverableDataAccessException}), a
 * service out of reach or failing ({@code ResourceAccessException}, a 5xx answer), a
 * service that refused the caller's token or throttled it (401, 403, 429), and whatever a
 * {@link TransientFailures} bean says. Refused at once, never retried: an
 * {@link IllegalArgumentException} (an event that makes no sense) and any other 4xx
 * answer of a service (a request it will never accept).
 */
public final class ConsumerFailures {

	private final List<TransientFailures> more;

	ConsumerFailures(List<TransientFailures> more) {
		this.more = List.copyOf(more);
	}

	/**
	 * Whether the failure, or one of its causes, may pass by itself.
	 * @param failure what the listener threw
	 * @return whether to retry for as long as it lasts
	 */
	public boolean isTransient(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = (cause.getCause() != cause) ? cause.getCause() : null) {
			if (isTransientItself(cause)) {
				return true;
			}
		}
		return false;
	}

	private boolean isTransientItself(Throwable failure) {
		if (failure instanceof TransientDataAccessException || failure instanceof DataAccessResourceFailureException
				|| failure instanceof RecoverableDataAccessException || failure instanceof ResourceAccessException
				|| failure instanceof HttpServerErrorException) {
			return true;
		}
		if (failure instanceof HttpClientErrorException answer) {
			int status = answer.getStatusCode().value();
			return status == 401 || status == 403 || status == 429;
		}
		for (TransientFailures transientFailures : this.more) {
			if (transientFailures.isTransient(failure)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Whether the failure sends a record to the dead-letter topic without a retry.
	 * @param failure what the listener threw, unwrapped
	 * @return whether it is refused at once
	 */
	boolean isRefused(Throwable failure) {
		return refused().stream().anyMatch((type) -> type.isInstance(failure))
				&& retriedAfterAll().stream().noneMatch((type) -> type.isInstance(failure));
	}

	/**
	 * The exceptions that send a record to the dead-letter topic without a retry, beside
	 * those Spring Kafka never retries (a record that cannot be read among them).
	 * @return the exception types
	 */
	static List<Class<? extends Exception>> refused() {
		return List.of(IllegalArgumentException.class, HttpClientErrorException.class);
	}

	/**
	 * Subtypes of the {@link #refused()} ones that are retried after all.
	 * @return the exception types
	 */
	static List<Class<? extends Exception>> retriedAfterAll() {
		return List.of(HttpClientErrorException.Unauthorized.class, HttpClientErrorException.Forbidden.class,
				HttpClientErrorException.TooManyRequests.class);
	}

}
