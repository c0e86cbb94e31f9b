package io.murmur.events.post;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonFormat;
import org.jspecify.annotations.Nullable;

import io.murmur.events.EventChecks;

/**
 * A user published a post. Feed fans it out to the author's followers, search indexes its
 * text, hashtags and mentions, notification tells the replied-to author and the mentioned
 * users.
 *
 * @param eventId the id of this event
 * @param occurredAt when the post was stored
 * @param postId the new post's id
 * @param authorId the author's user id
 * @param createdAt the post's time, the one its time-ordered id encodes
 * @param text the text as written, possibly empty when the post has media
 * @param replyToPostId the post this one replies to, or {@code null}
 * @param replyToAuthorId the author of {@code replyToPostId}, or {@code null} when this
 * is not a reply; feed shows a reply only to readers who follow that author too
 * @param quoteOfPostId the post this one quotes, or {@code null}
 * @param mediaIds the attached media, in display order
 * @param mentionedUserIds the users mentioned in the text, resolved at write
 * @param hashtags the hashtags in the text, without {@code #}, as extracted at write
 */
public record PostCreated(UUID eventId, Instant occurredAt, @JsonFormat(shape = JsonFormat.Shape.STRING) long postId,
		@JsonFormat(shape = JsonFormat.Shape.STRING) long authorId, Instant createdAt, String text,
		@JsonFormat(shape = JsonFormat.Shape.STRING) @Nullable Long replyToPostId,
		@JsonFormat(shape = JsonFormat.Shape.STRING) @Nullable Long replyToAuthorId,
		@JsonFormat(shape = JsonFormat.Shape.STRING) @Nullable Long quoteOfPostId,
		@JsonFormat(shape = JsonFormat.Shape.STRING) List<Long> mediaIds,
		@JsonFormat(shape = JsonFormat.Shape.STRING) List<Long> mentionedUserIds,
		List<String> hashtags) implements PostEvent {

	public PostCreated {
		EventChecks.identity(eventId, occurredAt);
		EventChecks.positive(postId, "postId");
		EventChecks.positive(authorId, "authorId");
		Objects.requireNonNull(createdAt, "createdAt must not be null");
		Objects.requireNonNull(text, "text must not be null");
		if ((replyToPostId == null) != (replyToAuthorId == null)) {
			throw new IllegalArgumentException("replyToPostId and replyToAuthorId must be given together");
		}
		if (replyToPostId != null && (replyToPostId <= 0 || replyToAuthorId <= 0)) {
			throw new IllegalArgumentException("replyToPostId and replyToAuthorId must be positive");
		}
		if (quoteOfPostId != null && quoteOfPostId <= 0) {
			throw new IllegalArgumentException("quoteOfPostId must be positive");
		}
		mediaIds = List.copyOf(Objects.requireNonNull(mediaIds, "mediaIds must not be null"));
		mentionedUserIds = List.copyOf(Objects.requireNonNull(mentionedUserIds, "mentionedUserIds must not be null"));
		hashtags = List.copyOf(Objects.requireNonNull(hashtags, "hashtags must not be null"));
	}

	/**
	 * The author of the new post, the record key.
	 * @return {@link #authorId()}
	 */
	@Override
	public long postAuthorId() {
		return this.authorId;
	}

}
