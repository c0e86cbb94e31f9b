package io.murmur.post.post;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.murmur.post.engagement.EngagementRepository;
import io.murmur.support.media.MediaView;

/**
 * A post as the API shows it. Ids are strings. The author is shown as feed and search
 * show one, with handle, display name and avatar from user-service ({@link Authors}).
 *
 * @param id the post id
 * @param author the author, or the reposter of a repost entry
 * @param text the text
 * @param createdAt when it was posted
 * @param media the attached media, described when read (see {@link MediaView}): media
 * deleted since is left out
 * @param replyTo the post it replies to
 * @param replyToAuthorId the author of {@code replyTo}
 * @param quoteOf the post it quotes
 * @param repostOf for a repost entry, the original post's id
 * @param counts the counters (of the original, for a repost entry)
 * @param viewer what the caller did to the post (to the original, for a repost entry)
 * @param mentions the mentioned users
 * @param hashtags the hashtags, without {@code #}
 * @param reposted for a repost entry, the original post
 */
public record PostResponse(String id, Author author, String text, Instant createdAt, List<MediaView> media,
		@Nullable String replyTo, @Nullable String replyToAuthorId, @Nullable String quoteOf, @Nullable String repostOf,
		Counts counts, Viewer viewer, List<Mention> mentions, List<String> hashtags, @Nullable PostResponse reposted) {

	static PostResponse of(Post post, Author author, List<MediaView> media, EngagementRepository.Counts counts,
			boolean liked, boolean reposted, @Nullable PostResponse original) {
		List<Mention> mentions = post.mentions()
			.entrySet()
			.stream()
			.sorted(Map.Entry.comparingByKey())
			.map((mention) -> new Mention(Long.toString(mention.getKey()), mention.getValue()))
			.toList();
		return new PostResponse(Long.toString(post.id()), author, post.text(), post.createdAt(), media,
				PostViews.string(post.replyTo()), PostViews.string(post.replyToAuthor()),
				PostViews.string(post.quoteOf()), PostViews.string(post.repostOf()),
				new Counts(counts.likes(), counts.reposts(), counts.replies()), new Viewer(liked, reposted), mentions,
				post.hashtags(), original);
	}

	/**
	 * Who posted it, as user-service describes them now.
	 *
	 * @param id the user id
	 * @param handle the handle, empty if user-service does not know the user or cannot
	 * answer right now
	 * @param displayName the display name, empty likewise
	 * @param avatarUrl the avatar, if any
	 */
	public record Author(String id, String handle, String displayName, @Nullable String avatarUrl) {

	}

	/**
	 * Its counters.
	 *
	 * @param likes how many users like it
	 * @param reposts how many reposted it
	 * @param replies how many replies it has
	 */
	public record Counts(long likes, long reposts, long replies) {

	}

	/**
	 * What the caller did to it.
	 *
	 * @param liked whether the caller likes it
	 * @param reposted whether the caller reposted it
	 */
	public record Viewer(boolean liked, boolean reposted) {

	}

	/**
	 * A mentioned user.
	 *
	 * @param id the user id
	 * @param handle the handle as written
	 */
	public record Mention(String id, String handle) {

	}

}
