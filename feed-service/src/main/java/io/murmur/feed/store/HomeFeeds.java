package io.murmur.feed.store;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToIntFunction;

import io.lettuce.core.cluster.SlotHash;
import org.jspecify.annotations.Nullable;

import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

import io.murmur.feed.config.FeedProperties;
import io.murmur.feed.store.EntrySets.Cap;
import io.murmur.feed.store.EntrySets.Keys;
import io.murmur.feed.store.FeedEntry.Position;
import io.murmur.feed.store.RedisScripts.Script;

/**
 * Home feeds in Redis. A feed is a sorted set of post ids ({@code feed:{id}}) scored by
 * the time each entered it, capped at the feed size (plus a slack between trims, see
 * {@link EntrySets}); a hash beside it names who reposted an entry that came by reposts;
 * a meta hash says the feed is kept (its absence means the owner has been away longer
 * than the inactivity window, or Redis lost it) and whether it was trimmed; a set holds
 * the owner's followees, which decides what a page may show. All of a feed's keys expire
 * together after the inactivity window and every read renews them.
 * <p>
 * Fan-out writes go out in pipelines of merge-script calls, each into the feeds of a
 * group of followers; on Redis Cluster a group holds only followers whose feeds share a
 * slot, every key of a user carrying the user id as its hash tag.
 */
@Component
public class HomeFeeds {

	private static final Script REMOVE = Script.load("remove.lua");

	private final StringRedisTemplate redis;

	private final RedisScripts scripts;

	private final EntrySets sets;

	private final FeedProperties.FanOut settings;

	private final Cap cap;

	private final boolean cluster;

	HomeFeeds(StringRedisTemplate redis, RedisScripts scripts, EntrySets sets, FeedProperties properties) {
		this.redis = redis;
		this.scripts = scripts;
		this.sets = sets;
		this.settings = properties.fanOut();
		this.cap = new Cap(this.settings.feedSize(), this.settings.trimSlack());
		this.cluster = redis.getConnectionFactory() instanceof LettuceConnectionFactory lettuce
				&& lettuce.isClusterAware();
	}

	/**
	 * Renews a feed's keys as its owner reads it.
	 * @param userId the owner
	 * @return the feed's state, or {@code null} if Redis does not keep the feed
	 */
	public @Nullable CacheState touch(long userId) {
		return this.sets.touch(keys(userId), FeedKeys.following(userId), this.settings.inactiveAfter());
	}

	/**
	 * Marks a feed as being built, so that fan-out writes into it from now on and none is
	 * lost while the build reads its sources.
	 * @param userId the owner
	 */
	public void begin(long userId) {
		this.sets.begin(keys(userId), this.settings.inactiveAfter());
	}

	/**
	 * Completes the build of a feed begun with {@link #begin}: merges the entries read
	 * from the sources with what fan-out wrote meanwhile, and records the followees.
	 * @param userId the owner
	 * @param followees everyone the owner follows
	 * @param entries the newest entries of the owner and their followees
	 * @param truncated whether the sources had older entries than those given
	 */
	public void complete(long userId, Collection<Long> followees, List<FeedEntry> entries, boolean truncated) {
		String following = FeedKeys.following(userId);
		if (!followees.isEmpty()) {
			this.redis.opsForSet().add(following, followees.stream().map(String::valueOf).toArray(String[]::new));
		}
		this.redis.expire(following, this.settings.inactiveAfter());
		this.sets.build(keys(userId), this.cap, this.settings.inactiveAfter(), entries, truncated);
	}

	/**
	 * Pushes one entry into the feeds of many users in one pipeline, skipping the feeds
	 * Redis does not keep. Each merge-script call of the pipeline writes the feeds of up
	 * to {@code feedsPerScript} of them.
	 * @param userIds the owners
	 * @param entry the entry
	 * @return how many feeds received it
	 */
	public int push(Collection<Long> userIds, FeedEntry entry) {
		byte[][] arguments = bytes(EntrySets.mergeArguments("push", this.cap, Duration.ZERO, false, List.of(entry)));
		List<@Nullable Object> replies = this.scripts.pipeline(scriptGroups(userIds),
				(pipeline, group) -> pipeline.run(EntrySets.MERGE, mergeKeys(group), arguments));
		return replies.stream().mapToInt((reply) -> (reply instanceof Long delivered) ? delivered.intValue() : 0).sum();
	}

	/**
	 * Pushes entries into one feed if Redis keeps it.
	 * @param userId the owner
	 * @param entries the entries
	 * @return {@code true} if the feed is kept and received them
	 */
	public boolean push(long userId, List<FeedEntry> entries) {
		return this.sets.push(keys(userId), this.cap, entries);
	}

	/**
	 * Removes a post from the feeds of many users in one pipeline.
	 * @param userIds the owners
	 * @param postId the post
	 */
	public void removePost(Collection<Long> userIds, long postId) {
		byte[] member = RedisScripts.bytes(FeedKeys.member(postId));
		this.scripts.pipeline(userIds, (pipeline, userId) -> {
			pipeline.zrem(RedisScripts.bytes(FeedKeys.feed(userId)), member);
			pipeline.hdel(RedisScripts.bytes(FeedKeys.feedReposts(userId)), member);
		});
	}

	/**
	 * Removes an actor's entries from one feed (see {@code remove.lua}).
	 * @param owner the feed's owner
	 * @param actor the actor
	 * @param entries the actor's entries
	 * @return how many entries left the feed
	 */
	public long removeActor(long owner, long actor, List<ActorEntry> entries) {
		if (entries.isEmpty()) {
			return 0;
		}
		return this.scripts.runForLong(REMOVE, removeKeys(owner), removeArguments(owner, actor, entries));
	}

	/**
	 * Removes an actor's entries from the feeds of many users in one pipeline.
	 * @param owners the feeds' owners
	 * @param actor the actor
	 * @param entries the actor's entries
	 */
	public void removeActor(Collection<Long> owners, long actor, List<ActorEntry> entries) {
		if (entries.isEmpty()) {
			return;
		}
		this.scripts.pipeline(owners, (pipeline, owner) -> pipeline.run(REMOVE, bytes(removeKeys(owner)),
				bytes(removeArguments(owner, actor, entries))));
	}

	/**
	 * Whether Redis keeps a user's feed: they have read it (or posted) within the
	 * inactivity window, and it was not lost.
	 * @param userId the owner
	 * @return {@code true} if it is kept
	 */
	public boolean isKept(long userId) {
		return Boolean.TRUE.equals(this.redis.hasKey(FeedKeys.feedMeta(userId)));
	}

	/**
	 * Records a follow in a kept feed and forgets the owner's cached list of pulled
	 * followees.
	 * @param userId the follower
	 * @param followee whom they follow now
	 * @return {@code true} if the feed is kept
	 */
	public boolean follow(long userId, long followee) {
		this.redis.delete(FeedKeys.celebrities(userId));
		if (!isKept(userId)) {
			return false;
		}
		this.redis.opsForSet().add(FeedKeys.following(userId), Long.toString(followee));
		return true;
	}

	/**
	 * Records an unfollow, and forgets the owner's cached list of pulled followees.
	 * @param userId the follower
	 * @param followee whom they no longer follow
	 * @return {@code true} if the feed is kept
	 */
	public boolean unfollow(long userId, long followee) {
		this.redis.delete(FeedKeys.celebrities(userId));
		this.redis.opsForSet().remove(FeedKeys.following(userId), Long.toString(followee));
		return isKept(userId);
	}

	/**
	 * Everyone the owner of a feed follows, as recorded with the feed.
	 * @param userId the owner
	 * @return the followee ids
	 */
	public Set<Long> followees(long userId) {
		Set<String> members = this.redis.opsForSet().members(FeedKeys.following(userId));
		Set<Long> followees = new HashSet<>();
		if (members != null) {
			members.forEach((member) -> followees.add(Long.valueOf(member)));
		}
		return followees;
	}

	/**
	 * Which of some users the owner of a feed follows, as recorded with the feed.
	 * @param userId the owner
	 * @param ids the users
	 * @return the followed ones
	 */
	public Set<Long> followed(long userId, Collection<Long> ids) {
		if (ids.isEmpty()) {
			return Set.of();
		}
		List<Long> asked = List.copyOf(ids);
		Map<Object, Boolean> members = this.redis.opsForSet()
			.isMember(FeedKeys.following(userId), asked.stream().map(String::valueOf).toArray());
		Set<Long> followed = new HashSet<>();
		if (members != null) {
			members.forEach((id, member) -> {
				if (Boolean.TRUE.equals(member)) {
					followed.add(Long.parseLong(id.toString()));
				}
			});
		}
		return followed;
	}

	/**
	 * The newest entries of a feed after a position.
	 * @param userId the owner
	 * @param after the position to start after, or {@code null} for the top
	 * @param count how many at most
	 * @return the entries, newest first
	 */
	public List<FeedEntry> entries(long userId, @Nullable Position after, int count) {
		return this.sets.range(keys(userId), after, count);
	}

	/**
	 * The oldest entry a feed holds: below it, a trimmed feed continues in the followees'
	 * timelines.
	 * @param userId the owner
	 * @return the entry, or {@code null} if the feed is empty
	 */
	public @Nullable Position oldest(long userId) {
		return this.sets.oldest(keys(userId));
	}

	/**
	 * How many entries a feed holds at most: its size, plus the slack it may run over it
	 * between trims.
	 * @return the most entries
	 */
	public int window() {
		return this.cap.size() + this.cap.slack();
	}

	/**
	 * Splits users into the groups whose feeds one merge-script call writes: of at most
	 * {@code feedsPerScript}, and on Redis Cluster of one slot each.
	 */
	List<List<Long>> scriptGroups(Collection<Long> userIds) {
		return scriptGroups(userIds, this.settings.feedsPerScript(),
				this.cluster ? (userId) -> SlotHash.getSlot(FeedKeys.feed(userId)) : (userId) -> 0);
	}

	static List<List<Long>> scriptGroups(Collection<Long> userIds, int perScript, ToIntFunction<Long> slotOf) {
		Map<Integer, List<Long>> bySlot = new LinkedHashMap<>();
		for (long userId : userIds) {
			bySlot.computeIfAbsent(slotOf.applyAsInt(userId), (slot) -> new ArrayList<>()).add(userId);
		}
		List<List<Long>> groups = new ArrayList<>();
		for (List<Long> slot : bySlot.values()) {
			for (int from = 0; from < slot.size(); from += perScript) {
				groups.add(slot.subList(from, Math.min(from + perScript, slot.size())));
			}
		}
		return groups;
	}

	private static byte[][] mergeKeys(List<Long> userIds) {
		byte[][] keys = new byte[3 * userIds.size()][];
		int key = 0;
		for (long userId : userIds) {
			keys[key++] = RedisScripts.bytes(FeedKeys.feed(userId));
			keys[key++] = RedisScripts.bytes(FeedKeys.feedMeta(userId));
			keys[key++] = RedisScripts.bytes(FeedKeys.feedReposts(userId));
		}
		return keys;
	}

	private static List<String> removeKeys(long owner) {
		return List.of(FeedKeys.feed(owner), FeedKeys.feedReposts(owner), FeedKeys.following(owner));
	}

	private static List<String> removeArguments(long owner, long actor, List<ActorEntry> entries) {
		List<String> arguments = new ArrayList<>(List.of(Long.toString(owner), Long.toString(actor)));
		for (ActorEntry entry : entries) {
			arguments.add(FeedKeys.member(entry.postId()));
			arguments.add(entry.repost() ? "1" : "0");
			arguments.add(Long.toString(entry.authorId()));
		}
		return arguments;
	}

	private static byte[][] bytes(List<String> values) {
		return values.stream().map(RedisScripts::bytes).toArray(byte[][]::new);
	}

	private static Keys keys(long userId) {
		return new Keys(FeedKeys.feed(userId), FeedKeys.feedMeta(userId), FeedKeys.feedReposts(userId));
	}

	/**
	 * An entry of an actor's timeline, for removing it from a feed.
	 *
	 * @param postId the post shown
	 * @param repost whether the actor reposted it (rather than wrote it)
	 * @param authorId the post's author
	 */
	public record ActorEntry(long postId, boolean repost, long authorId) {

	}

}
