package io.murmur.events;

import java.time.Instant;
import java.util.UUID;

/**
 * An event one Murmur service publishes for the others: an immutable record of something
 * that has happened, named in the past tense.
 * <p>
 * Delivery is at least once, so consumers dedupe by {@link #eventId()} wherever an effect
 * is not naturally idempotent. Each event travels on the topic of its producing context,
 * keyed by {@link #key()}, with its logical {@link EventType} id in a header; see
 * {@link EventSerializer}.
 * <p>
 * This interface is not sealed because Java seals a hierarchy across packages only inside
 * a named module, and these contracts are used from the class path. Each producing
 * context seals its own events instead ({@code UserEvent}, {@code GraphEvent},
 * {@code PostEvent}, {@code MediaEvent}), which is what a consumer of one topic switches
 * over, and {@link EventType} is the closed list of everything that can be published.
 */
public interface MurmurEvent {

	/**
	 * The id of this event, the same on every delivery of it.
	 * @return the event id
	 */
	UUID eventId();

	/**
	 * When the change this event describes happened at its producer.
	 * @return the instant of the change
	 */
	Instant occurredAt();

	/**
	 * The Kafka record key: the decimal id of the aggregate whose events must be seen in
	 * order, which is also what the topic is partitioned by.
	 * @return the record key
	 */
	String key();

}
