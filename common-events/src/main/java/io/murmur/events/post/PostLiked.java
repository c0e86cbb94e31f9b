package io.murmur.events.post;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonFormat;

import io.murmur.events.EventChecks;

/**
 * A user liked a post. Notification tells the post's author. Published only when the like
 * is new, not for a repeated like request.
 *
 * @param eventId the id of this event
 * @param occurredAt when the like was recorded
 * @param postId the post
 * @param postAuthorId the author of the post, the record key
 * @param userId the user who liked it
 */
public record PostLiked(UUID eventId, Instant occurredAt, @JsonFormat(shape = JsonFormat.Shape.STRING) long postId,
		@JsonFormat(shape = JsonFormat.Shape.STRING) long postAuthorId,
		@JsonFormat(shape = JsonFormat.Shape.STRING) long userId) implements PostEvent {

	public PostLiked {
		EventChecks.identity(eventId, occurredAt);
		EventChecks.positive(postId, "postId");
		EventChecks.positive(postAuthorId, "postAuthorId");
		EventChecks.positive(userId, "userId");
	}

}
