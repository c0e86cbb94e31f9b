package io.murmur.post.engagement;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.springframework.stereotype.Service;

import io.murmur.events.post.PostLiked;
import io.murmur.events.post.PostUnliked;
import io.murmur.post.outbox.PostOutbox;
import io.murmur.post.post.Post;
import io.murmur.post.post.PostLookup;
import io.murmur.post.post.PostRepository;

/**
 * Likes and unlikes, idempotent: only the request that actually inserted (or removed) the
 * like moves the counter and publishes an event, so counts stay exact under concurrent
 * and repeated requests. When the event of a new like cannot be stored, the like is taken
 * back (best effort) and the request fails, so that a retry starts over. A crash between
 * storing the event and updating the counter leaves the counter one off.
 */
@Service
class Likes {

	private final PostLookup lookup;

	private final EngagementRepository engagement;

	private final PostRepository posts;

	private final PostOutbox outbox;

	private final Clock clock;

	Likes(PostLookup lookup, EngagementRepository engagement, PostRepository posts, PostOutbox outbox, Clock clock) {
		this.lookup = lookup;
		this.engagement = engagement;
		this.posts = posts;
		this.outbox = outbox;
		this.clock = clock;
	}

	void like(long id, long userId) {
		Post post = this.lookup.original(id);
		Instant now = this.clock.instant();
		if (this.engagement.like(post.id(), userId, now)) {
			try {
				this.posts.store(
						this.outbox.append(new PostLiked(UUID.randomUUID(), now, post.id(), post.authorId(), userId)));
			}
			catch (RuntimeException ex) {
				Undo.bestEffort(() -> this.engagement.unlike(post.id(), userId), ex);
				throw ex;
			}
			this.engagement.addLikes(post.id(), 1);
		}
	}

	void unlike(long id, long userId) {
		Post post = this.lookup.original(id);
		if (this.engagement.unlike(post.id(), userId)) {
			this.posts.store(this.outbox
				.append(new PostUnliked(UUID.randomUUID(), this.clock.instant(), post.id(), post.authorId(), userId)));
			this.engagement.addLikes(post.id(), -1);
		}
	}

}
