package io.murmur.feed.fanout;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import io.murmur.events.MurmurEvent;
import io.murmur.events.Topics;
import io.murmur.events.graph.UserFollowed;
import io.murmur.events.graph.UserUnfollowed;

/**
 * Follow events, in order per follower: a follow backfills, an unfollow takes out.
 */
@Component
class GraphEventsListener {

	private final FanOut fanOut;

	GraphEventsListener(FanOut fanOut) {
		this.fanOut = fanOut;
	}

	@KafkaListener(id = "feed-service-graph", idIsGroup = false, topics = Topics.GRAPH)
	void on(MurmurEvent event) {
		switch (event) {
			case UserFollowed followed -> this.fanOut.follow(followed.followerId(), followed.followeeId());
			case UserUnfollowed unfollowed -> this.fanOut.unfollow(unfollowed.followerId(), unfollowed.followeeId());
			default -> throw new IllegalArgumentException(
					"Unexpected event " + event.getClass().getSimpleName() + " on " + Topics.GRAPH);
		}
	}

}
