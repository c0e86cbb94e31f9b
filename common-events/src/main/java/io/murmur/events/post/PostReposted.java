package io.murmur.events.post;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonFormat;

import io.murmur.events.EventChecks;

/**
 * A user reposted a post. Feed fans the repost out to the reposter's followers,
 * notification tells the post's author. Published only when the repost is new.
 *
 * @param eventId the id of this event
 * @param occurredAt when the repost was recorded
 * @param postId the original post
 * @param postAuthorId the author of the original post, the record key
 * @param reposterId the user who reposted it
 * @param repostId the id of the repost entry, time-ordered like a post id; a feed scores
 * and removes the repost by it
 */
public record PostReposted(UUID eventId, Instant occurredAt, @JsonFormat(shape = JsonFormat.Shape.STRING) long postId,
		@JsonFormat(shape = JsonFormat.Shape.STRING) long postAuthorId,
		@JsonFormat(shape = JsonFormat.Shape.STRING) long reposterId,
		@JsonFormat(shape = JsonFormat.Shape.STRING) long repostId) implements PostEvent {

	public PostReposted {
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
