package io.murmur.events.user;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonFormat;
import org.jspecify.annotations.Nullable;

import io.murmur.events.EventChecks;

/**
 * A user changed their profile. It carries the whole public profile as it is after the
 * change, not a diff, so a consumer that missed an earlier update is still right after
 * this one.
 *
 * @param eventId the id of this event
 * @param occurredAt when the profile was changed
 * @param userId the user whose profile changed
 * @param handle the handle, without {@code @}
 * @param displayName the name shown next to the handle
 * @param bio the bio, empty if the user has none
 * @param avatarMediaId the media id of the avatar, or {@code null} if the user has none
 */
public record ProfileUpdated(UUID eventId, Instant occurredAt, @JsonFormat(shape = JsonFormat.Shape.STRING) long userId,
		String handle, String displayName, String bio,
		@JsonFormat(shape = JsonFormat.Shape.STRING) @Nullable Long avatarMediaId) implements UserEvent {

	public ProfileUpdated {
		EventChecks.identity(eventId, occurredAt);
		EventChecks.positive(userId, "userId");
		EventChecks.notBlank(handle, "handle");
		Objects.requireNonNull(displayName, "displayName must not be null");
		Objects.requireNonNull(bio, "bio must not be null");
		if (avatarMediaId != null && avatarMediaId <= 0) {
			throw new IllegalArgumentException("avatarMediaId must be positive");
		}
	}

}
