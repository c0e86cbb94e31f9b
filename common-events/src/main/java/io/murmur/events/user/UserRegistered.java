package io.murmur.events.user;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonFormat;

/**
 * A person created an account. Search indexes the new user; the handle and display name
 * are what it needs to find them.
 *
 * @param eventId the id of this event
 * @param occurredAt when the account was created
 * @param userId the new user's id
 * @param handle the unique handle, without {@code @}
 * @param displayName the name shown next to the handle
 */
public record UserRegistered(UUID eventId, Instant occurredAt, @JsonFormat(shape = JsonFormat.Shape.STRING) long userId,
		String handle, String displayName) implements UserEvent {

	public UserRegistered {
		Objects.requireNonNull(eventId, "eventId must not be null");
		Objects.requireNonNull(occurredAt, "occurredAt must not be null");
		if (userId <= 0) {
			throw new IllegalArgumentException("userId must be positive");
		}
		Objects.requireNonNull(handle, "handle must not be null");
		if (handle.isBlank()) {
			throw new IllegalArgumentException("handle must not be blank");
		}
		Objects.requireNonNull(displayName, "displayName must not be null");
	}

}
