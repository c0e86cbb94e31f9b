package io.murmur.feed.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToIntFunction;

import io.lettuce.core.cluster.SlotHash;
import org.jspecify.annotations.Nullable;

import org.springframework.core.io.ClassPathResource;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.ReturnType;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.ZSetOperations.TypedTuple;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

import io.murmur.feed.config.FeedProperties;
import io.murmur.feed.store.FeedEntry.Position;

/**
 * Home feeds and authors' recent entries in Redis.
 * <ul>
 * <li>A feed is a sorted set of post ids ({@code feed:{id}}) scored by the time each
 * entered it, capped at the feed size; a hash beside it names who reposted an entry that
 * came by reposts; a meta hash says the feed is kept (its absence means the owner has
 * been away longer than the inactivity window, or Redis lost it) and whether it was
 * trimmed, which means older entries exist only in the followees' timelines; a set holds
 * the owner's followees, which decides what a page may show. All of a feed's keys expire
 * together after the inactivity window and every read renews them.</li>
 * <li>An author's cache ({@code author:{id}}) has the same shape and holds the author's
 * newest entries, for pulling the posts of authors with very many followers at read
 * time.</li>
 * <li>An author's follower ids ({@code followers:{id}}), a set that fan-out fills from
 * graph-service and follow events keep current, with a state key beside it; both expire
 * together at the end of the follower cache TTL, after which fan-out reads graph-service
 * again.</li>
 * </ul>
 * Every change is a script over the keys of one user, so it is atomic and, the keys
 * sharing a hash tag, valid on Redis Cluster. Fan-out writes go out in pipelines of
 * merge-script calls, each into the feeds of a group of followers; on Redis Cluster a
 * group holds only followers whose feeds share a slot.
 */
@Component
public class FeedStore {

	private static final String BUILDING = "building";

	private static final String READY = "ready";

	private final StringRedisTemplate redis;

	private final RedisScript<Long> merge;

	private final RedisScript<List> touch;

	private final RedisScript<Long> remove;

	private final RedisScript<Long> followers;

	private final RedisScript<List> readFollowers;

	private final FeedProperties.FanOut settings;

	private final boolean cluster;

	FeedStore(StringRedisTemplate redis, FeedProperties properties) {
		this.redis = redis;
		this.settings = properties.fanOut();
		this.cluster = redis.getConnectionFactory() instanceof LettuceConnectionFactory lettuce
				&& lettuce.isClusterAware();
		this.merge = RedisScript.of(script("merge.lua"), Long.class);
		this.touch = RedisScript.of(script("touch.lua"), List.class);
		this.remove = RedisScript.of(script("remove.lua"), Long.class);
		this.followers = RedisScript.of(script("followers.lua"), Long.class);
		this.readFollowers = RedisScript.of(this.followers.getScriptAsString(), List.class);
	}

	/**
	 * Renews a feed's keys as its owner reads it.
	 * @param userId the owner
	 * @return the feed's state, or {@code null} if Redis does not keep the feed
	 */
	public @Nullable State touchFeed(long userId) {
		return touch(feed(userId), FeedKeys.following(userId), this.settings.inactiveAfter());
	}

	/**
	 * Marks a feed as being built, so that fan-out writes into it from now on and none is
	 * lost while the build reads its sources.
	 * @param userId the owner
	 */
	public void beginFeed(long userId) {
		begin(feed(userId), this.settings.inactiveAfter());
	}

	/**
	 * Completes the build of a feed begun with {@link #beginFeed}: merges the entries
	 * read from the sources with what fan-out wrote meanwhile, and records the followees.
	 * @param userId the owner
	 * @param followees everyone the owner follows
	 * @param entries the newest entries of the owner and their followees
	 * @param truncated whether the sources had older entries than those given
	 */
	public void completeFeed(long userId, Collection<Long> followees, List<FeedEntry> entries, boolean truncated) {
		String following = FeedKeys.following(userId);
		if (!followees.isEmpty()) {
			this.redis.opsForSet().add(following, followees.stream().map(String::valueOf).toArray(String[]::new));
		}
		this.redis.expire(following, this.settings.inactiveAfter());
		build(feed(userId), this.settings.feedSize(), this.settings.inactiveAfter(), entries, truncated);
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
		byte[][] arguments = mergeArguments("push", this.settings.feedSize(), Duration.ZERO, false, List.of(entry));
		List<Object> results = pipelined(scriptGroups(userIds),
				(connection, group) -> evalMerge(connection, group, arguments));
		return results.stream()
			.mapToInt((result) -> (result instanceof Long delivered) ? delivered.intValue() : 0)
			.sum();
	}

	/**
	 * Pushes entries into one feed if Redis keeps it.
	 * @param userId the owner
	 * @param entries the entries
	 * @return {@code true} if the feed is kept and received them
	 */
	public boolean push(long userId, List<FeedEntry> entries) {
		Family feed = feed(userId);
		Long merged = this.redis.execute(this.merge, feed.keys(),
				strings(mergeArguments("push", this.settings.feedSize(), Duration.ZERO, false, entries)));
		return merged != null && merged == 1;
	}

	/**
	 * Removes a post from the feeds of many users in one pipeline.
	 * @param userIds the owners
	 * @param postId the post
	 */
	public void removePost(Collection<Long> userIds, long postId) {
		byte[] member = bytes(FeedKeys.member(postId));
		pipelined(userIds, (connection, userId) -> {
			connection.zSetCommands().zRem(bytes(FeedKeys.feed(userId)), member);
			connection.hashCommands().hDel(bytes(FeedKeys.feedReposts(userId)), member);
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
		Long removed = this.redis.execute(this.remove,
				List.of(FeedKeys.feed(owner), FeedKeys.feedReposts(owner), FeedKeys.following(owner)),
				removeArguments(owner, actor, entries).toArray());
		return (removed != null) ? removed : 0;
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
		pipelined(owners, (connection, owner) -> {
			List<byte[]> keysAndArguments = new ArrayList<>(List.of(bytes(FeedKeys.feed(owner)),
					bytes(FeedKeys.feedReposts(owner)), bytes(FeedKeys.following(owner))));
			removeArguments(owner, actor, entries).forEach((argument) -> keysAndArguments.add(bytes(argument)));
			connection.scriptingCommands()
				.evalSha(this.remove.getSha1(), ReturnType.INTEGER, 3, keysAndArguments.toArray(byte[][]::new));
		});
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
	public List<FeedEntry> feed(long userId, @Nullable Position after, int count) {
		return range(feed(userId), after, count);
	}

	/**
	 * The oldest entry a feed holds.
	 * @param userId the owner
	 * @return the entry, or {@code null} if the feed is empty
	 */
	public @Nullable Position oldestOfFeed(long userId) {
		return oldest(FeedKeys.feed(userId));
	}

	/**
	 * Renews an author's cache as it is read.
	 * @param authorId the author
	 * @return the cache's state, or {@code null} if Redis does not keep it
	 */
	public @Nullable State touchAuthor(long authorId) {
		return touch(author(authorId), null, this.settings.authorCacheTtl());
	}

	/**
	 * Fills an author's cache from their timeline, merging what events wrote meanwhile.
	 * @param authorId the author
	 * @param entries their newest entries
	 * @param truncated whether the timeline had older entries than those given
	 */
	public void buildAuthor(long authorId, List<FeedEntry> entries, boolean truncated) {
		Family author = author(authorId);
		begin(author, this.settings.authorCacheTtl());
		build(author, this.settings.authorCacheSize(), this.settings.authorCacheTtl(), entries, truncated);
	}

	/**
	 * Adds a new entry to an author's cache if Redis keeps it.
	 * @param authorId the author
	 * @param entry the entry
	 */
	public void pushAuthor(long authorId, FeedEntry entry) {
		this.redis.execute(this.merge, author(authorId).keys(),
				strings(mergeArguments("push", this.settings.authorCacheSize(), Duration.ZERO, false, List.of(entry))));
	}

	/**
	 * Removes a post from an author's cache: deleted, or no longer reposted.
	 * @param authorId the author
	 * @param postId the post
	 */
	public void removeFromAuthor(long authorId, long postId) {
		this.redis.opsForZSet().remove(FeedKeys.author(authorId), FeedKeys.member(postId));
		this.redis.opsForHash().delete(FeedKeys.authorReposts(authorId), FeedKeys.member(postId));
	}

	/**
	 * The newest entries of an author's cache after a position.
	 * @param authorId the author
	 * @param after the position to start after, or {@code null} for the top
	 * @param count how many at most
	 * @return the entries, newest first
	 */
	public List<FeedEntry> author(long authorId, @Nullable Position after, int count) {
		return range(author(authorId), after, count);
	}

	/**
	 * The oldest entry an author's cache holds.
	 * @param authorId the author
	 * @return the entry, or {@code null} if the cache is empty
	 */
	public @Nullable Position oldestOfAuthor(long authorId) {
		return oldest(FeedKeys.author(authorId));
	}

	/**
	 * An author's follower ids as fan-out keeps them.
	 * @param authorId the author
	 * @return the ids, or {@code null} unless a complete copy is kept
	 */
	public @Nullable List<Long> followers(long authorId) {
		List<?> read = this.redis.execute(this.readFollowers, followerKeys(authorId), "read");
		if (read == null || read.isEmpty()) {
			return null;
		}
		List<Long> ids = new ArrayList<>(read.size() - 1);
		for (Object id : read.subList(0, read.size() - 1)) {
			ids.add(Long.valueOf(id.toString()));
		}
		return ids;
	}

	/**
	 * Starts keeping a copy of an author's follower ids, unless one is kept or being
	 * filled. From now on follows of the author are added to it; the caller fills it with
	 * {@link #addFollowers} and completes it with {@link #followersFilled}.
	 * @param authorId the author
	 * @param ttl how long the copy is kept
	 * @return {@code true} if the caller is to fill it
	 */
	public boolean beginFollowers(long authorId, Duration ttl) {
		return followersScript(authorId, "begin", Long.toString(ttl.toMillis()));
	}

	/**
	 * Adds followers to the kept copy of an author's follower ids, if there is one.
	 * @param authorId the author
	 * @param followerIds the followers
	 */
	public void addFollowers(long authorId, Collection<Long> followerIds) {
		if (followerIds.isEmpty()) {
			return;
		}
		List<String> arguments = new ArrayList<>(followerIds.size() + 1);
		arguments.add("add");
		followerIds.forEach((id) -> arguments.add(Long.toString(id)));
		followersScript(authorId, arguments.toArray());
	}

	/**
	 * Takes a follower out of the kept copy of an author's follower ids.
	 * @param authorId the author
	 * @param followerId the former follower
	 */
	public void removeFollower(long authorId, long followerId) {
		followersScript(authorId, "remove", Long.toString(followerId));
	}

	/**
	 * Marks the copy of an author's follower ids complete, so that fan-out reads it.
	 * @param authorId the author
	 * @return {@code false} if the copy expired while it was filled
	 */
	public boolean followersFilled(long authorId) {
		return followersScript(authorId, "ready");
	}

	private boolean followersScript(long authorId, Object... arguments) {
		Long result = this.redis.execute(this.followers, followerKeys(authorId), arguments);
		return result != null && result == 1;
	}

	private static List<String> followerKeys(long authorId) {
		return List.of(FeedKeys.followers(authorId), FeedKeys.followersState(authorId));
	}

	/**
	 * Records whether fan-out pulls an author's posts, so that readers who follow them
	 * merge their posts from the moment fan-out stops pushing them.
	 * @param authorId the author
	 * @param pulled whether their posts are pulled
	 */
	public void markPulled(long authorId, boolean pulled) {
		if (pulled) {
			this.redis.opsForSet().add(FeedKeys.pulledAuthors(), Long.toString(authorId));
		}
		else {
			this.redis.opsForSet().remove(FeedKeys.pulledAuthors(), Long.toString(authorId));
		}
	}

	/**
	 * The authors a reader follows whose posts fan-out pulls.
	 * @param userId the reader
	 * @return their ids
	 */
	public Set<Long> pulledFollowees(long userId) {
		Set<String> pulled = this.redis.opsForSet().members(FeedKeys.pulledAuthors());
		if (pulled == null || pulled.isEmpty()) {
			return Set.of();
		}
		return followed(userId, pulled.stream().map(Long::valueOf).toList());
	}

	/**
	 * The followed authors whose posts a reader pulls, as cached.
	 * @param userId the reader
	 * @return the authors, or {@code null} when not cached
	 */
	public @Nullable List<Long> celebrities(long userId) {
		String cached = this.redis.opsForValue().get(FeedKeys.celebrities(userId));
		if (cached == null) {
			return null;
		}
		return cached.isEmpty() ? List.of() : Arrays.stream(cached.split(",")).map(Long::valueOf).toList();
	}

	/**
	 * Caches the followed authors whose posts a reader pulls.
	 * @param userId the reader
	 * @param authorIds the authors
	 * @param ttl how long to keep the list
	 */
	public void cacheCelebrities(long userId, List<Long> authorIds, Duration ttl) {
		this.redis.opsForValue()
			.set(FeedKeys.celebrities(userId), String.join(",", authorIds.stream().map(String::valueOf).toList()), ttl);
	}

	private @Nullable State touch(Family family, @Nullable String extra, Duration ttl) {
		List<String> keys = new ArrayList<>(List.of(family.meta(), family.set(), family.reposts()));
		if (extra != null) {
			keys.add(extra);
		}
		List<?> state = this.redis.execute(this.touch, keys, Long.toString(ttl.toMillis()));
		if (state == null || state.size() < 2) {
			return null;
		}
		return new State(READY.equals(String.valueOf(state.get(0))), "1".equals(String.valueOf(state.get(1))));
	}

	private void begin(Family family, Duration ttl) {
		this.redis.opsForHash().putIfAbsent(family.meta(), "state", BUILDING);
		this.redis.expire(family.meta(), ttl);
	}

	private void build(Family family, int cap, Duration ttl, List<FeedEntry> entries, boolean truncated) {
		this.redis.execute(this.merge, family.keys(), strings(mergeArguments("build", cap, ttl, truncated, entries)));
	}

	private List<FeedEntry> range(Family family, @Nullable Position after, int count) {
		double max = (after != null) ? after.time() : Double.POSITIVE_INFINITY;
		List<FeedEntry> entries = new ArrayList<>();
		long offset = 0;
		int want = count + 8;
		while (entries.size() < count) {
			Set<TypedTuple<String>> read = this.redis.opsForZSet()
				.reverseRangeByScoreWithScores(family.set(), Double.NEGATIVE_INFINITY, max, offset, want);
			if (read == null || read.isEmpty()) {
				break;
			}
			List<String> members = new ArrayList<>();
			List<FeedEntry> page = new ArrayList<>();
			for (TypedTuple<String> tuple : read) {
				FeedEntry entry = FeedEntry.post(Long.parseLong(tuple.getValue()), tuple.getScore().longValue());
				if (entry.isAfter(after) && entries.size() + page.size() < count) {
					page.add(entry);
					members.add(tuple.getValue());
				}
			}
			entries.addAll(withReposters(family, members, page));
			if (read.size() < want) {
				break;
			}
			offset += read.size();
		}
		return entries;
	}

	private List<FeedEntry> withReposters(Family family, List<String> members, List<FeedEntry> entries) {
		if (members.isEmpty()) {
			return entries;
		}
		List<Object> reposters = this.redis.opsForHash().multiGet(family.reposts(), List.copyOf(members));
		List<FeedEntry> result = new ArrayList<>(entries.size());
		for (int i = 0; i < entries.size(); i++) {
			Object names = reposters.get(i);
			FeedEntry entry = entries.get(i);
			result.add((names == null) ? entry : new FeedEntry(entry.postId(), entry.time(),
					Arrays.stream(names.toString().split(",")).map(Long::valueOf).toList()));
		}
		return result;
	}

	private @Nullable Position oldest(String key) {
		Set<TypedTuple<String>> first = this.redis.opsForZSet().rangeWithScores(key, 0, 0);
		if (first == null || first.isEmpty()) {
			return null;
		}
		TypedTuple<String> tuple = first.iterator().next();
		return new Position(tuple.getScore().longValue(), Long.parseLong(tuple.getValue()));
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

	private Object evalMerge(RedisConnection connection, List<Long> userIds, byte[][] arguments) {
		byte[][] keysAndArguments = new byte[3 * userIds.size() + arguments.length][];
		int key = 0;
		for (long userId : userIds) {
			keysAndArguments[key++] = bytes(FeedKeys.feed(userId));
			keysAndArguments[key++] = bytes(FeedKeys.feedMeta(userId));
			keysAndArguments[key++] = bytes(FeedKeys.feedReposts(userId));
		}
		System.arraycopy(arguments, 0, keysAndArguments, key, arguments.length);
		return connection.scriptingCommands().evalSha(this.merge.getSha1(), ReturnType.INTEGER, key, keysAndArguments);
	}

	private <T> List<Object> pipelined(Collection<T> items, PerItem<T> command) {
		if (items.isEmpty()) {
			return List.of();
		}
		try {
			return runPipelined(items, command);
		}
		catch (DataAccessException ex) {
			if (!String.valueOf(ex.getMessage()).contains("NOSCRIPT")
					&& (ex.getCause() == null || !String.valueOf(ex.getCause().getMessage()).contains("NOSCRIPT"))) {
				throw ex;
			}
			this.redis.execute((RedisCallback<Object>) (connection) -> {
				connection.scriptingCommands().scriptLoad(bytes(this.merge.getScriptAsString()));
				connection.scriptingCommands().scriptLoad(bytes(this.remove.getScriptAsString()));
				return null;
			});
			return runPipelined(items, command);
		}
	}

	private <T> List<Object> runPipelined(Collection<T> items, PerItem<T> command) {
		return this.redis.executePipelined((RedisCallback<Object>) (connection) -> {
			for (T item : items) {
				command.run(connection, item);
			}
			return null;
		});
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

	private static byte[][] mergeArguments(String mode, int cap, Duration ttl, boolean truncated,
			List<FeedEntry> entries) {
		List<String> arguments = new ArrayList<>(
				List.of(mode, Integer.toString(cap), Long.toString(ttl.toMillis()), truncated ? "1" : "0"));
		for (FeedEntry entry : entries) {
			if (entry.reposters().isEmpty()) {
				arguments.add(Long.toString(entry.time()));
				arguments.add(FeedKeys.member(entry.postId()));
				arguments.add("");
			}
			for (long reposter : entry.reposters()) {
				arguments.add(Long.toString(entry.time()));
				arguments.add(FeedKeys.member(entry.postId()));
				arguments.add(Long.toString(reposter));
			}
		}
		return arguments.stream().map(FeedStore::bytes).toArray(byte[][]::new);
	}

	private static Object[] strings(byte[][] arguments) {
		return Arrays.stream(arguments).map((argument) -> new String(argument, StandardCharsets.UTF_8)).toArray();
	}

	/**
	 * A script's text, read once: a script made from a resource checks the resource for
	 * changes on every call.
	 */
	private static String script(String name) {
		try {
			return new ClassPathResource("scripts/" + name).getContentAsString(StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the Redis script " + name, ex);
		}
	}

	private static byte[] bytes(String value) {
		return value.getBytes(StandardCharsets.UTF_8);
	}

	private static Family feed(long userId) {
		return new Family(FeedKeys.feed(userId), FeedKeys.feedMeta(userId), FeedKeys.feedReposts(userId));
	}

	private static Family author(long authorId) {
		return new Family(FeedKeys.author(authorId), FeedKeys.authorMeta(authorId), FeedKeys.authorReposts(authorId));
	}

	/**
	 * What Redis says about a feed or an author's cache.
	 *
	 * @param ready whether it was built (rather than being built)
	 * @param trimmed whether older entries than it holds exist in the sources
	 */
	public record State(boolean ready, boolean trimmed) {

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

	private record Family(String set, String meta, String reposts) {

		List<String> keys() {
			return List.of(this.set, this.meta, this.reposts);
		}

	}

	@FunctionalInterface
	private interface PerItem<T> {

		void run(RedisConnection connection, T item);

	}

}
