package io.murmur.events.graph;

import io.murmur.events.MurmurEvent;
import io.murmur.events.Topics;

/**
 * An event of graph-service, published on {@value Topics#GRAPH}. Keyed by follower id, so
 * a follow and the unfollow that undoes it are seen in order.
 */
public sealed interface GraphEvent extends MurmurEvent permits UserFollowed, UserUnfollowed {

	/**
	 * The user who follows or stopped following.
	 * @return the follower's user id
	 */
	long followerId();

	/**
	 * The user who is or was followed.
	 * @return the followee's user id
	 */
	long followeeId();

	@Override
	default String key() {
		return Long.toString(followerId());
	}

}
