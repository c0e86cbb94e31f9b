package io.murmur.events.graph;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonFormat;

import io.murmur.events.EventChecks;

/**
 * A user started following another. Feed backfills the followee's recent posts into the
 * follower's feed; notification tells the followee. Published only when the follow is
 * new, not for a repeated follow request.
 *
 * @param eventId the id of this event
 * @param occurredAt when the follow was recorded
 * @param followerId the user who follows
 * @param followeeId the user who is followed
 * @param since when the follow began, as stored on the relationship
 */
public record UserFollowed(UUID eventId, Instant occurredAt,
		@JsonFormat(shape = JsonFormat.Shape.STRING) long followerId,
		@JsonFormat(shape = JsonFormat.Shape.STRING) long followeeId, Instant since) implements GraphEvent {

	public UserFollowed {
		EventChecks.identity(eventId, occurredAt);
		EventChecks.positive(followerId, "followerId");
		EventChecks.positive(followeeId, "followeeId");
		if (followerId == followeeId) {
			throw new IllegalArgumentException("a user cannot follow themselves");
		}
		Objects.requireNonNull(since, "since must not be null");
	}

}
