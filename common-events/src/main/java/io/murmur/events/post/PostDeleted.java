package io.murmur.events.post;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonFormat;

import io.murmur.events.EventChecks;

/**
 * An author deleted their post. Feed removes it everywhere it was pushed, search drops it
 * from the index.
 *
 * @param eventId the id of this event
 * @param occurredAt when the post was deleted
 * @param postId the deleted post's id
 * @param authorId the author's user id
 */
public record PostDeleted(UUID eventId, Instant occurredAt, @JsonFormat(shape = JsonFormat.Shape.STRING) long postId,
		@JsonFormat(shape = JsonFormat.Shape.STRING) long authorId) implements PostEvent {

	public PostDeleted {
		EventChecks.identity(eventId, occurredAt);
		EventChecks.positive(postId, "postId");
		EventChecks.positive(authorId, "authorId");
	}

	/**
	 * The author of the deleted post, the record key.
	 * @return {@link #authorId()}
	 */
	@Override
	public long postAuthorId() {
		return this.authorId;
	}

}
