package io.murmur.events.user;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonFormat;

import io.murmur.events.EventChecks;

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
		EventChecks.identity(eventId, occurredAt);
		EventChecks.positive(userId, "userId");
		EventChecks.notBlank(handle, "handle");
		Objects.requireNonNull(displayName, "displayName must not be null");
	}

}
