package io.murmur.events.post;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonFormat;

import io.murmur.events.EventChecks;

/**
 * A user took back their like of a post. Published only when a like existed.
 *
 * @param eventId the id of this event
 * @param occurredAt when the removal of the like was recorded
 * @param postId the post
 * @param postAuthorId the author of the post, the record key
 * @param userId the user who took back the like
 */
public record PostUnliked(UUID eventId, Instant occurredAt, @JsonFormat(shape = JsonFormat.Shape.STRING) long postId,
		@JsonFormat(shape = JsonFormat.Shape.STRING) long postAuthorId,
		@JsonFormat(shape = JsonFormat.Shape.STRING) long userId) implements PostEvent {

	public PostUnliked {
		EventChecks.identity(eventId, occurredAt);
		EventChecks.positive(postId, "postId");
		EventChecks.positive(postAuthorId, "postAuthorId");
		EventChecks.positive(userId, "userId");
	}

}
