package io.murmur.feed.store;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.ZSetOperations.TypedTuple;
import org.springframework.stereotype.Component;

import io.murmur.feed.store.FeedEntry.Position;
import io.murmur.feed.store.RedisScripts.Script;

/**
 * What home feeds and authors' caches share: a capped sorted set of post ids scored by
 * time, a hash of reposters by member beside it, and a meta hash that says the set is
 * kept (built, or being built) and whether it was ever trimmed. All three expire
 * together.
 * <p>
 * A set is trimmed back to its cap only once it holds more than the cap plus a slack, so
 * that most inserts into a full set cost one {@code ZADD} and one {@code ZCARD} rather
 * than a trim each; between trims it holds up to cap + slack entries, and reads show them
 * all. That is safe for paging: the window a reader pages through is whatever the set
 * holds, its oldest entry is where the followees' timelines take over, and
 * {@code trimmed} is set exactly when an entry has left the set (or a build had more than
 * it took), so that below the oldest entry there is neither a gap nor a duplicate.
 */
@Component
class EntrySets {

	static final Script MERGE = Script.load("merge.lua");

	private static final Script TOUCH = Script.load("touch.lua");

	private static final String BUILDING = "building";

	private static final String READY = "ready";

	private final StringRedisTemplate redis;

	private final RedisScripts scripts;

	EntrySets(StringRedisTemplate redis, RedisScripts scripts) {
		this.redis = redis;
		this.scripts = scripts;
	}

	/**
	 * Renews a set's keys as it is read.
	 * @param keys the set
	 * @param extra another key of the same owner to renew, or {@code null}
	 * @param ttl for how long
	 * @return the set's state, or {@code null} if Redis does not keep it
	 */
	@Nullable CacheState touch(Keys keys, @Nullable String extra, Duration ttl) {
		List<String> touched = new ArrayList<>(List.of(keys.meta(), keys.set(), keys.reposts()));
		if (extra != null) {
			touched.add(extra);
		}
		List<String> state = this.scripts.runForList(TOUCH, touched, List.of(Long.toString(ttl.toMillis())));
		if (state.size() < 2) {
			return null;
		}
		return new CacheState(READY.equals(state.get(0)), "1".equals(state.get(1)));
	}

	/**
	 * Marks a set as being built, so that pushes write into it from now on.
	 * @param keys the set
	 * @param ttl how long it is kept
	 */
	void begin(Keys keys, Duration ttl) {
		this.redis.opsForHash().putIfAbsent(keys.meta(), "state", BUILDING);
		this.redis.expire(keys.meta(), ttl);
	}

	/**
	 * Completes a build: merges the entries read from the sources with what was pushed
	 * meanwhile, marks the set ready and gives all its keys the TTL.
	 * @param keys the set
	 * @param cap its cap
	 * @param ttl how long it is kept
	 * @param entries the newest entries of the sources
	 * @param truncated whether the sources had older entries than those given
	 */
	void build(Keys keys, Cap cap, Duration ttl, List<FeedEntry> entries, boolean truncated) {
		this.scripts.runForLong(MERGE, keys.asList(), mergeArguments("build", cap, ttl, truncated, entries));
	}

	/**
	 * Pushes entries into one set if Redis keeps it.
	 * @param keys the set
	 * @param cap its cap
	 * @param entries the entries
	 * @return {@code true} if the set is kept and received them
	 */
	boolean push(Keys keys, Cap cap, List<FeedEntry> entries) {
		return this.scripts.runForLong(MERGE, keys.asList(),
				mergeArguments("push", cap, Duration.ZERO, false, entries)) == 1;
	}

	/**
	 * The newest entries of a set after a position, with their reposters.
	 * @param keys the set
	 * @param after the position to start after, or {@code null} for the top
	 * @param count how many at most
	 * @return the entries, newest first
	 */
	List<FeedEntry> range(Keys keys, @Nullable Position after, int count) {
		double max = (after != null) ? after.time() : Double.POSITIVE_INFINITY;
		List<FeedEntry> entries = new ArrayList<>();
		long offset = 0;
		int want = count + 8;
		while (entries.size() < count) {
			Set<TypedTuple<String>> read = this.redis.opsForZSet()
				.reverseRangeByScoreWithScores(keys.set(), Double.NEGATIVE_INFINITY, max, offset, want);
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
			entries.addAll(withReposters(keys, members, page));
			if (read.size() < want) {
				break;
			}
			offset += read.size();
		}
		return entries;
	}

	/**
	 * The oldest entry a set holds.
	 * @param keys the set
	 * @return its position, or {@code null} if the set is empty
	 */
	@Nullable Position oldest(Keys keys) {
		Set<TypedTuple<String>> first = this.redis.opsForZSet().rangeWithScores(keys.set(), 0, 0);
		if (first == null || first.isEmpty()) {
			return null;
		}
		TypedTuple<String> tuple = first.iterator().next();
		return new Position(tuple.getScore().longValue(), Long.parseLong(tuple.getValue()));
	}

	private List<FeedEntry> withReposters(Keys keys, List<String> members, List<FeedEntry> entries) {
		if (members.isEmpty()) {
			return entries;
		}
		List<Object> reposters = this.redis.opsForHash().multiGet(keys.reposts(), List.copyOf(members));
		List<FeedEntry> result = new ArrayList<>(entries.size());
		for (int i = 0; i < entries.size(); i++) {
			Object names = reposters.get(i);
			FeedEntry entry = entries.get(i);
			result.add((names == null) ? entry : new FeedEntry(entry.postId(), entry.time(),
					Arrays.stream(names.toString().split(",")).map(Long::valueOf).toList()));
		}
		return result;
	}

	/**
	 * The arguments of {@code merge.lua} after its keys.
	 * @param mode {@code push} or {@code build}
	 * @param cap the cap of the sets merged into
	 * @param ttl the TTL a build gives
	 * @param truncated whether a build's sources had older entries than those given
	 * @param entries the entries
	 * @return the arguments
	 */
	static List<String> mergeArguments(String mode, Cap cap, Duration ttl, boolean truncated, List<FeedEntry> entries) {
		List<String> arguments = new ArrayList<>(List.of(mode, Integer.toString(cap.size()),
				Integer.toString(cap.slack()), Long.toString(ttl.toMillis()), truncated ? "1" : "0"));
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
		return arguments;
	}

	/**
	 * The keys of one set.
	 *
	 * @param set the sorted set of entries
	 * @param meta its meta hash
	 * @param reposts its hash of reposters by member
	 */
	record Keys(String set, String meta, String reposts) {

		List<String> asList() {
			return List.of(this.set, this.meta, this.reposts);
		}

	}

	/**
	 * How many entries a set keeps.
	 *
	 * @param size the cap: a trim leaves this many entries
	 * @param slack how many more the set may hold before it is trimmed
	 */
	record Cap(int size, int slack) {

	}

}
