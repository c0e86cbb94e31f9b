package io.murmur.events.post;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonFormat;

import io.murmur.events.EventChecks;

/**
 * A user undid their repost of a post. Feed removes the repost entry from the feeds it
 * was pushed to. Published only when a repost existed.
 *
 * @param eventId the id of this event
 * @param occurredAt when the undoing of the repost was recorded
 * @param postId the original post
 * @param postAuthorId the author of the original post, the record key
 * @param reposterId the user who undid the repost
 * @param repostId the id of the repost entry, time-ordered like a post id; a feed scores
 * and removes the repost by it
 */
public record PostUnreposted(UUID eventId, Instant occurredAt, @JsonFormat(shape = JsonFormat.Shape.STRING) long postId,
		@JsonFormat(shape = JsonFormat.Shape.STRING) long postAuthorId,
		@JsonFormat(shape = JsonFormat.Shape.STRING) long reposterId,
		@JsonFormat(shape = JsonFormat.Shape.STRING) long repostId) implements PostEvent {

	public PostUnreposted {
		EventChecks.identity(eventId, occurredAt);
		EventChecks.positive(postId, "postId");
		EventChecks.positive(postAuthorId, "postAuthorId");
		EventChecks.positive(reposterId, "reposterId");
		EventChecks.positive(repostId, "repostId");
		if (repostId == postId) {
			throw new IllegalArgumentException("repostId must differ from the reposted postId");
		}
	}

}
