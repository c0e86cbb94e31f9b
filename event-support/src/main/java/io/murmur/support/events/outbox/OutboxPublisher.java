package io.murmur.support.events.outbox;

import java.util.List;

/**
 * Sends a store's events to Kafka during one relay run.
 */
@FunctionalInterface
public interface OutboxPublisher {

	/**
	 * Sends the records in order and waits for Kafka to acknowledge them.
	 * @param records the records, oldest first
	 * @return how many from the start of the list Kafka acknowledged: the store removes
	 * those and keeps the others; fewer than all means the run failed and the store
	 * should stop (a later call in the same run publishes nothing)
	 */
	int publish(List<OutboxRecord> records);

}
