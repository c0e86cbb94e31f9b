package io.murmur.events.graph;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonFormat;

import io.murmur.events.EventChecks;

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
		EventChecks.identity(eventId, occurredAt);
		EventChecks.positive(followerId, "followerId");
		EventChecks.positive(followeeId, "followeeId");
		if (followerId == followeeId) {
			throw new IllegalArgumentException("a user cannot unfollow themselves");
		}
	}

}
