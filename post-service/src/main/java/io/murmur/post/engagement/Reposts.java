package io.murmur.post.engagement;

import java.time.Clock;
import java.util.UUID;

import org.springframework.stereotype.Service;

import io.murmur.events.post.PostReposted;
import io.murmur.events.post.PostUnreposted;
import io.murmur.post.id.PostIds;
import io.murmur.post.outbox.PostOutbox;
import io.murmur.post.post.Post;
import io.murmur.post.post.PostLookup;
import io.murmur.post.post.PostRepository;

/**
 * Reposts and their undoing, idempotent like {@link Likes}. A repost is a marker row per
 * post and user plus an entry on the reposter's timeline (a {@link Post#isRepost() repost
 * entry}) written in one logged batch with its event; undoing it removes both.
 */
@Service
public class Reposts {

	private final PostLookup lookup;

	private final EngagementRepository engagement;

	private final PostRepository posts;

	private final PostIds ids;

	private final PostOutbox outbox;

	private final Clock clock;

	Reposts(PostLookup lookup, EngagementRepository engagement, PostRepository posts, PostIds ids, PostOutbox outbox,
			Clock clock) {
		this.lookup = lookup;
		this.engagement = engagement;
		this.posts = posts;
		this.ids = ids;
		this.outbox = outbox;
		this.clock = clock;
	}

	void repost(long id, long userId) {
		Post post = this.lookup.original(id);
		long repostId = this.ids.next();
		if (this.engagement.repost(post.id(), userId, repostId)) {
			Post entry = Post.repost(repostId, userId, PostIds.instantOf(repostId), post);
			try {
				this.posts.insert(entry, this.outbox.append(new PostReposted(UUID.randomUUID(), this.clock.instant(),
						post.id(), post.authorId(), userId, repostId)));
			}
			catch (RuntimeException ex) {
				Undo.bestEffort(() -> this.engagement.unrepost(post.id(), userId, repostId), ex);
				throw ex;
			}
			this.engagement.addReposts(post.id(), 1);
		}
	}

	/**
	 * Takes back the user's repost of a post, if there is one.
	 * @param id the post, or a repost entry of it
	 * @param userId the reposter
	 */
	public void unrepost(long id, long userId) {
		Post post = this.lookup.original(id);
		Long repostId = this.engagement.findRepost(post.id(), userId).orElse(null);
		if (repostId != null && this.engagement.unrepost(post.id(), userId, repostId)) {
			Post entry = Post.repost(repostId, userId, PostIds.instantOf(repostId), post);
			this.posts.delete(entry, this.outbox.append(new PostUnreposted(UUID.randomUUID(), this.clock.instant(),
					post.id(), post.authorId(), userId, repostId)));
			this.engagement.addReposts(post.id(), -1);
		}
	}

}
