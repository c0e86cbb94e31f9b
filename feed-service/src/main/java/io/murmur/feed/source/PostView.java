package io.murmur.feed.source;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.murmur.support.media.MediaView;

/**
 * A post as post-service shows it to a reader.
 *
 * @param id the post id
 * @param author its author
 * @param text the text
 * @param createdAt when it was posted
 * @param media the attached media, with short-lived URLs
 * @param replyTo the post it replies to
 * @param replyToAuthorId the author of that post
 * @param quoteOf the post it quotes
 * @param counts its counters
 * @param viewer what the reader did to it
 * @param mentions the mentioned users
 * @param hashtags its hashtags
 */
public record PostView(String id, Ref author, String text, Instant createdAt, List<MediaView> media,
		@Nullable String replyTo, @Nullable String replyToAuthorId, @Nullable String quoteOf, Counts counts,
		Viewer viewer, List<Mention> mentions, List<String> hashtags) {

	/**
	 * The author's id.
	 * @return the id
	 */
	public long authorId() {
		return Long.parseLong(this.author.id());
	}

	/**
	 * A user by id.
	 *
	 * @param id the user id
	 */
	public record Ref(String id) {

	}

	/**
	 * Counters.
	 *
	 * @param likes likes
	 * @param reposts reposts
	 * @param replies replies
	 */
	public record Counts(long likes, long reposts, long replies) {

	}

	/**
	 * The reader's state.
	 *
	 * @param liked whether they liked it
	 * @param reposted whether they reposted it
	 */
	public record Viewer(boolean liked, boolean reposted) {

	}

	/**
	 * A mention.
	 *
	 * @param id the user
	 * @param handle their handle
	 */
	public record Mention(String id, String handle) {

	}

}
