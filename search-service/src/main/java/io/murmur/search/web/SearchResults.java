package io.murmur.search.web;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.murmur.search.source.PostView;
import io.murmur.support.media.MediaView;
import io.murmur.support.profile.UserView;

/**
 * What the search API answers.
 */
final class SearchResults {

	private SearchResults() {
	}

	/**
	 * A page of results.
	 *
	 * @param items the results
	 * @param nextCursor where the next page starts, {@code null} at the end
	 * @param <T> the result type
	 */
	record Page<T>(List<T> items, @Nullable String nextCursor) {

	}

	/**
	 * A post found, as a feed shows it: the post with its author and the reader's state.
	 *
	 * @param id the post id
	 * @param author the author
	 * @param text the text
	 * @param createdAt when it was posted
	 * @param media the attached media as post-service describes them when read, passed on
	 * as they are (their URLs are short-lived)
	 * @param replyTo the post it replies to
	 * @param quoteOf the post it quotes
	 * @param counts its counters
	 * @param viewer what the reader did to it
	 * @param mentions the mentioned users
	 * @param hashtags its hashtags
	 */
	record FoundPost(String id, UserView author, String text, Instant createdAt, List<MediaView> media,
			@Nullable String replyTo, @Nullable String quoteOf, PostView.Counts counts, PostView.Viewer viewer,
			List<PostView.Mention> mentions, List<String> hashtags) {

		static FoundPost of(PostView post, UserView author) {
			return new FoundPost(post.id(), author, post.text(), post.createdAt(), post.media(), post.replyTo(),
					post.quoteOf(), post.counts(), post.viewer(), post.mentions(), post.hashtags());
		}

	}

	/**
	 * A person found.
	 *
	 * @param id the user id
	 * @param handle the handle
	 * @param displayName the display name
	 * @param avatarUrl the avatar, if any
	 * @param followersCount how many follow them, as last indexed
	 */
	record FoundUser(String id, String handle, String displayName, @Nullable String avatarUrl, long followersCount) {

	}

	/**
	 * A hashtag found.
	 *
	 * @param tag the hashtag, without {@code #}
	 * @param recentPosts posts using it in the last seven days
	 * @param lastUsedAt when a post last used it, {@code null} if no post that is not
	 * deleted does
	 */
	record FoundHashtag(String tag, long recentPosts, @Nullable Instant lastUsedAt) {

	}

	/**
	 * A trending hashtag.
	 *
	 * @param tag the hashtag, without {@code #}
	 * @param score how far its current use stands above its baseline
	 * @param authors distinct authors using it in the current window
	 * @param expected the distinct authors its baseline leads to expect in a window
	 * @param counts distinct authors per window, oldest first, the current one last, for
	 * a sparkline
	 */
	record Trend(String tag, double score, long authors, double expected, List<Long> counts) {

	}

	/**
	 * Trends.
	 *
	 * @param items the trending hashtags, strongest first
	 * @param windowEndsAt when the current window ends (now)
	 * @param window the length of a window, ISO-8601
	 * @param nextCursor always {@code null}: trends are one page
	 */
	record Trends(List<Trend> items, Instant windowEndsAt, String window, @Nullable String nextCursor) {

	}

}
