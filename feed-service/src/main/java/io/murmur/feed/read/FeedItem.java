package io.murmur.feed.read;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.murmur.support.media.MediaView;
import io.murmur.feed.source.PostView;
import io.murmur.support.profile.UserView;

/**
 * A post as a home feed shows it: the post with its author, the reader's state and, when
 * it is there because people the reader follows reposted it, who they are.
 *
 * @param id the post id
 * @param author the author
 * @param text the text
 * @param createdAt when it was posted
 * @param media the attached media, with short-lived URLs (see {@link MediaView})
 * @param replyTo the post it replies to
 * @param quoteOf the post it quotes
 * @param counts its counters
 * @param viewer what the reader did to it
 * @param mentions the mentioned users
 * @param hashtags its hashtags
 * @param repostedBy the reader's followees who reposted it, empty when it is there as
 * posted
 */
record FeedItem(String id, UserView author, String text, Instant createdAt, List<MediaView> media,
		@Nullable String replyTo, @Nullable String quoteOf, PostView.Counts counts, PostView.Viewer viewer,
		List<PostView.Mention> mentions, List<String> hashtags, List<UserView> repostedBy) {

	static FeedItem of(PostView post, UserView author, List<UserView> repostedBy) {
		return new FeedItem(post.id(), author, post.text(), post.createdAt(), post.media(), post.replyTo(),
				post.quoteOf(), post.counts(), post.viewer(), post.mentions(), post.hashtags(), repostedBy);
	}

}
