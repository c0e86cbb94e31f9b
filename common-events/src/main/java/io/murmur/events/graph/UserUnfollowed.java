package io.murmur.events.graph;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonFormat;

/**
 * A user stopped following another. Feed removes the followee's posts from the follower's
 * feed. Published only when a follow existed.
 *
 * @param eventId the id of this event
 * @param occurredAt when the follow was removed
 * @param followerId the user who stopped following
 * @param followeeId the user who is no longer followed
 */
public record UserUnfollowed(UUID eventId, Instant occurredAt,
		@JsonFormat(shape = JsonFormat.Shape.STRING) long followerId,
		@JsonFormat(shape = JsonFormat.Shape.STRING) long followeeId) implements GraphEvent {

	public UserUnfollowed {
		Objects.requireNonNull(eventId, "eventId must not be null");
		Objects.requireNonNull(occurredAt, "occurredAt must not be null");
		if (followerId <= 0) {
			throw new IllegalArgumentException("followerId must be positive");
		}
		if (followeeId <= 0) {
			throw new IllegalArgumentException("followeeId must be positive");
		}
		if (followerId == followeeId) {
			throw new IllegalArgumentException("a user cannot unfollow themselves");
		}
	}

}
