package io.murmur.support.events.kafka;

/**
 * Says which failures of a listener may pass by themselves, so that the record is retried
 * for as long as they last instead of being parked. {@link ConsumerFailures} knows
 * Spring's own; a module or service declares a bean of this type for the exceptions of
 * its clients (a search engine's, a token client's).
 */
@FunctionalInterface
public interface TransientFailures {

	/**
	 * Whether the failure, one of the causes of what the listener threw, may pass by
	 * itself.
	 * @param failure the exception
	 * @return whether to keep retrying
	 */
	boolean isTransient(Throwable failure);

}
