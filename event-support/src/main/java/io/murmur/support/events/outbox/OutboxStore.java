package io.murmur.support.events.outbox;

import java.util.OptionalLong;

/**
 * Where a service keeps the events it has yet to publish: the only part of the outbox
 * that differs between stores. The {@link OutboxRelay} owns the rest (the schedule, the
 * sending in order, the back-off, the metrics).
 * <p>
 * A store's {@link #relay} makes sure that one replica relays at a time (an advisory
 * lock, a lease, a locked node), reads its events oldest first in batches, hands each
 * batch to the publisher and removes what the publisher reports acknowledged. It stops at
 * the first batch that was not published whole and leaves the rest for the next run, so
 * one key's events are never reordered and none is lost.
 */
public interface OutboxStore {

	/**
	 * One relay run: publishes what is stored, unless another replica is relaying.
	 * @param publisher sends a batch to Kafka and says how much of it was acknowledged
	 */
	void relay(OutboxPublisher publisher);

	/**
	 * Whether a run started by a write on this replica can publish anything: a store
	 * whose exclusivity costs a round trip to claim says no while another replica holds
	 * it (that replica's own schedule publishes what this one stored).
	 * @return whether waking the relay is worth a run
	 */
	default boolean worthWaking() {
		return true;
	}

	/**
	 * How many events wait to be published, if the store can count them cheaply.
	 * @return the count, or empty
	 */
	default OptionalLong backlog() {
		return OptionalLong.empty();
	}

}
