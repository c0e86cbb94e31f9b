package io.murmur.feed.store;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

import io.murmur.feed.store.RedisScripts.Script;

/**
 * Authors' follower ids as fan-out keeps them in Redis ({@code followers:{id}}): a set
 * that fan-out fills from graph-service and follow events keep current, with a state key
 * beside it that says whether it is being filled or complete (see {@code followers.lua}).
 * Both expire together at the end of the follower cache TTL, after which fan-out reads
 * graph-service again.
 */
@Component
public class FollowerSets {

	private static final Script FOLLOWERS = Script.load("followers.lua");

	private final RedisScripts scripts;

	FollowerSets(RedisScripts scripts) {
		this.scripts = scripts;
	}

	/**
	 * An author's follower ids as fan-out keeps them.
	 * @param authorId the author
	 * @return the ids, or {@code null} unless a complete copy is kept
	 */
	public @Nullable List<Long> followers(long authorId) {
		List<String> read = this.scripts.runForList(FOLLOWERS, keys(authorId), List.of("read"));
		if (read.isEmpty()) {
			return null;
		}
		List<Long> ids = new ArrayList<>(read.size() - 1);
		for (String id : read.subList(0, read.size() - 1)) {
			ids.add(Long.valueOf(id));
		}
		return ids;
	}

	/**
	 * Starts keeping a copy of an author's follower ids, unless one is kept or being
	 * filled. From now on follows of the author are added to it; the caller fills it with
	 * {@link #add} and completes it with {@link #filled}.
	 * @param authorId the author
	 * @param ttl how long the copy is kept
	 * @return {@code true} if the caller is to fill it
	 */
	public boolean begin(long authorId, Duration ttl) {
		return run(authorId, List.of("begin", Long.toString(ttl.toMillis())));
	}

	/**
	 * Adds followers to the kept copy of an author's follower ids, if there is one.
	 * @param authorId the author
	 * @param followerIds the followers
	 */
	public void add(long authorId, Collection<Long> followerIds) {
		if (followerIds.isEmpty()) {
			return;
		}
		List<String> arguments = new ArrayList<>(followerIds.size() + 1);
		arguments.add("add");
		followerIds.forEach((id) -> arguments.add(Long.toString(id)));
		run(authorId, arguments);
	}

	/**
	 * Takes a follower out of the kept copy of an author's follower ids.
	 * @param authorId the author
	 * @param followerId the former follower
	 */
	public void remove(long authorId, long followerId) {
		run(authorId, List.of("remove", Long.toString(followerId)));
	}

	/**
	 * Marks the copy of an author's follower ids complete, so that fan-out reads it.
	 * @param authorId the author
	 * @return {@code false} if the copy expired while it was filled
	 */
	public boolean filled(long authorId) {
		return run(authorId, List.of("ready"));
	}

	private boolean run(long authorId, List<String> arguments) {
		return this.scripts.runForLong(FOLLOWERS, keys(authorId), arguments) == 1;
	}

	private static List<String> keys(long authorId) {
		return List.of(FeedKeys.followers(authorId), FeedKeys.followersState(authorId));
	}

}
