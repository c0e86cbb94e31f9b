package io.murmur.events.post;

import io.murmur.events.MurmurEvent;
import io.murmur.events.Topics;

/**
 * An event of post-service, published on {@value Topics#POST}.
 * <p>
 * Every post event is keyed by the author of the post it is about, also likes and
 * reposts, which are keyed by the liked or reposted post's author rather than by the user
 * who acted. All events of one post thus share a partition and are seen in order: a like
 * never overtakes the creation of its post, nor a deletion the like.
 */
public sealed interface PostEvent extends MurmurEvent
		permits PostCreated, PostDeleted, PostLiked, PostUnliked, PostReposted, PostUnreposted {

	/**
	 * The post the event is about.
	 * @return the post id
	 */
	long postId();

	/**
	 * The author of the post the event is about.
	 * @return the author's user id
	 */
	long postAuthorId();

	@Override
	default String key() {
		return Long.toString(postAuthorId());
	}

}
