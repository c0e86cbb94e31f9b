package io.murmur.feed.fanout;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import io.murmur.events.MurmurEvent;
import io.murmur.events.Topics;
import io.murmur.events.post.PostCreated;
import io.murmur.events.post.PostDeleted;
import io.murmur.events.post.PostEvent;
import io.murmur.events.post.PostReposted;
import io.murmur.events.post.PostUnreposted;
import io.murmur.feed.store.FeedEntry;

/**
 * Post events, in order per author: new posts and reposts fan out, deletes and undone
 * reposts are taken back. Likes do not change feeds.
 */
@Component
class PostEventsListener {

	private final FanOut fanOut;

	PostEventsListener(FanOut fanOut) {
		this.fanOut = fanOut;
	}

	@KafkaListener(id = "feed-service-posts", idIsGroup = false, topics = Topics.POST)
	void on(MurmurEvent event) {
		if (!(event instanceof PostEvent)) {
			throw new IllegalArgumentException(
					"Unexpected event " + event.getClass().getSimpleName() + " on " + Topics.POST);
		}
		switch (event) {
			case PostCreated created -> this.fanOut.deliver(created.authorId(),
					FeedEntry.post(created.postId(), created.createdAt().toEpochMilli()), created.createdAt());
			case PostReposted reposted -> this.fanOut.deliver(reposted.reposterId(),
					FeedEntry.repost(reposted.postId(), reposted.occurredAt().toEpochMilli(), reposted.reposterId()),
					reposted.occurredAt());
			case PostDeleted deleted -> this.fanOut.remove(deleted.authorId(), deleted.postId());
			case PostUnreposted undone ->
				this.fanOut.unrepost(undone.reposterId(), undone.postId(), undone.postAuthorId());
			default -> {
			}
		}
	}

}
