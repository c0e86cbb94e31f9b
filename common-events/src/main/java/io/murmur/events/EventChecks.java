package io.murmur.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The invariants every event record checks when it is built, with the same messages
 * everywhere: an event that breaks one is never published, and one read from Kafka that
 * breaks one is refused as unreadable.
 */
public final class EventChecks {

	private EventChecks() {
	}

	/**
	 * Checks what every event has.
	 * @param eventId the id of the event
	 * @param occurredAt when it happened
	 * @throws NullPointerException if either is missing
	 */
	public static void identity(UUID eventId, Instant occurredAt) {
		Objects.requireNonNull(eventId, "eventId must not be null");
		Objects.requireNonNull(occurredAt, "occurredAt must not be null");
	}

	/**
	 * Checks that an id or a count is positive.
	 * @param value the value
	 * @param name its name in the event
	 * @throws IllegalArgumentException if it is zero or negative
	 */
	public static void positive(long value, String name) {
		if (value <= 0) {
			throw new IllegalArgumentException(name + " must be positive");
		}
	}

	/**
	 * Checks that a text is present and not blank.
	 * @param value the text
	 * @param name its name in the event
	 * @throws NullPointerException if it is missing
	 * @throws IllegalArgumentException if it is blank
	 */
	public static void notBlank(String value, String name) {
		Objects.requireNonNull(value, name + " must not be null");
		if (value.isBlank()) {
			throw new IllegalArgumentException(name + " must not be blank");
		}
	}

}
