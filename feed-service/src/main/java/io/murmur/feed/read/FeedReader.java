package io.murmur.feed.read;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClientException;

import io.murmur.feed.source.PostSource;
import io.murmur.feed.source.PostView;
import io.murmur.feed.source.TimelineEntry;
import io.murmur.feed.store.AuthorCaches;
import io.murmur.feed.store.CacheState;
import io.murmur.feed.store.FeedEntry;
import io.murmur.feed.store.FeedEntry.Position;
import io.murmur.feed.store.HomeFeeds;
import io.murmur.support.problem.CommonProblem;
import io.murmur.support.profile.UserProfiles;
import io.murmur.support.profile.UserView;
import io.murmur.support.web.ProblemException;

/**
 * Reads a page of a home feed.
 * <ol>
 * <li>A feed Redis does not keep (a new or returning reader, or a lost key) is built
 * first, so a page is never empty for want of a cache; a build that takes longer than a
 * read waits goes on while the read answers 503 with {@code Retry-After}
 * ({@link FeedBuilds}).</li>
 * <li>Candidates after the cursor come from the reader's pushed feed merged with the
 * cached entries of the followees whose posts are pulled; a post that arrived several
 * ways shows once, naming everyone who reposted it.</li>
 * <li>Redis holds a capped window. Below the oldest entry a trimmed source still holds,
 * the page continues from the followees' own timelines in post-service, in the same
 * order, so that scrolling has no seam.</li>
 * <li>Posts are hydrated with one batch call to post-service (with the reader's likes and
 * reposts) and one to user-service; deleted posts are dropped, as are replies to people
 * the reader does not follow and anything from people they no longer follow.</li>
 * </ol>
 */
@Component
class FeedReader {

	private static final int MAX_ROUNDS = 5;

	private final HomeFeeds feeds;

	private final AuthorCaches authors;

	private final FeedBuilder builder;

	private final FeedBuilds builds;

	private final PostSource posts;

	private final UserProfiles users;

	private final Timer latency;

	private final Counter pullMerges;

	private final Counter continued;

	FeedReader(HomeFeeds feeds, AuthorCaches authors, FeedBuilder builder, FeedBuilds builds, PostSource posts,
			UserProfiles users, MeterRegistry meters) {
		this.feeds = feeds;
		this.authors = authors;
		this.builder = builder;
		this.builds = builds;
		this.posts = posts;
		this.users = users;
		this.latency = Timer.builder("murmur.feed.read")
			.description("Time to read a page of a home feed")
			.publishPercentileHistogram()
			.register(meters);
		this.pullMerges = Counter.builder("murmur.feed.pull.merges")
			.description("Feed pages that merged in the posts of pulled authors")
			.register(meters);
		this.continued = Counter.builder("murmur.feed.read.continued")
			.description("Feed pages continued past Redis from the followees' timelines")
			.register(meters);
	}

	FeedPage read(long readerId, String readerToken, int limit, @Nullable Position after) {
		Timer.Sample sample = Timer.start();
		try {
			return page(readerId, readerToken, limit, after);
		}
		catch (RestClientException ex) {
			throw new ProblemException(CommonProblem.SERVICE_UNAVAILABLE,
					"The feed cannot be read now; try again later");
		}
		finally {
			sample.stop(this.latency);
		}
	}

	private FeedPage page(long readerId, String readerToken, int limit, @Nullable Position after) {
		CacheState state = this.feeds.touch(readerId);
		if (state == null || !state.ready()) {
			this.builds.await(readerId);
			state = this.feeds.touch(readerId);
		}
		boolean feedTrimmed = state != null && state.trimmed();
		List<Long> celebrities = this.builder.celebrities(readerId, false);
		List<FeedItem> items = new ArrayList<>();
		Position position = after;
		boolean more = true;
		for (int round = 0; round < MAX_ROUNDS && more && items.size() < limit; round++) {
			int want = limit - items.size() + 5;
			Candidates candidates = candidates(readerId, feedTrimmed, celebrities, position, want);
			more = candidates.more();
			Map<Long, FeedItem> shown = hydrate(readerId, readerToken, candidates.entries());
			for (FeedEntry entry : candidates.entries()) {
				position = entry.position();
				FeedItem item = shown.get(entry.postId());
				if (item != null) {
					items.add(item);
					if (items.size() == limit) {
						more = more || entry != candidates.entries().get(candidates.entries().size() - 1);
						break;
					}
				}
			}
			if (candidates.entries().isEmpty()) {
				more = false;
			}
		}
		if (!celebrities.isEmpty()) {
			this.pullMerges.increment();
		}
		return new FeedPage(items, (more && position != null) ? FeedCursor.of(position) : null);
	}

	/**
	 * Up to {@code want} entries after a position, newest first, from Redis above the
	 * trusted floor and from the followees' timelines below it.
	 */
	private Candidates candidates(long readerId, boolean feedTrimmed, List<Long> celebrities, @Nullable Position after,
			int want) {
		Map<Long, FeedEntry> merged = new LinkedHashMap<>();
		this.feeds.entries(readerId, after, want).forEach((entry) -> merge(merged, entry));
		Position floor = feedTrimmed ? this.feeds.oldest(readerId) : null;
		for (long celebrity : celebrities) {
			boolean trimmed = this.builder.ensureAuthor(celebrity);
			this.authors.entries(celebrity, after, want).forEach((entry) -> merge(merged, entry));
			if (trimmed) {
				floor = higher(floor, this.authors.oldest(celebrity));
			}
		}
		List<FeedEntry> trusted = new ArrayList<>();
		for (FeedEntry entry : sorted(merged)) {
			if (floor == null || !entry.isAfter(floor) || entry.position().equals(floor)) {
				trusted.add(entry);
			}
		}
		if (trusted.size() >= want) {
			return new Candidates(trusted.subList(0, want), true);
		}
		if (floor == null) {
			return new Candidates(trusted, false);
		}
		this.continued.increment();
		Position bottom = lower(after, floor);
		Set<Long> authors = new LinkedHashSet<>(this.feeds.followees(readerId));
		authors.add(readerId);
		int deepWant = want - trusted.size();
		List<TimelineEntry> older = this.posts.timelines(authors, Instant.ofEpochMilli(bottom.time()), deepWant + 5);
		Map<Long, FeedEntry> deep = new LinkedHashMap<>();
		for (TimelineEntry entry : older) {
			FeedEntry feedEntry = entry.toFeedEntry();
			if (feedEntry.isAfter(bottom)) {
				merge(deep, feedEntry);
			}
		}
		List<FeedEntry> continuation = sorted(deep);
		List<FeedEntry> all = new ArrayList<>(trusted);
		all.addAll(continuation.subList(0, Math.min(deepWant, continuation.size())));
		return new Candidates(all, older.size() >= deepWant + 5 || continuation.size() > deepWant);
	}

	private Map<Long, FeedItem> hydrate(long readerId, String readerToken, List<FeedEntry> entries) {
		Map<Long, FeedItem> items = new LinkedHashMap<>();
		if (entries.isEmpty()) {
			return items;
		}
		Map<Long, PostView> found = new LinkedHashMap<>();
		List<Long> ids = entries.stream().map(FeedEntry::postId).toList();
		for (int from = 0; from < ids.size(); from += PostSource.MAX_BATCH) {
			found.putAll(this.posts.posts(ids.subList(from, Math.min(ids.size(), from + PostSource.MAX_BATCH)),
					readerToken));
		}
		Set<Long> people = new HashSet<>();
		for (FeedEntry entry : entries) {
			PostView post = found.get(entry.postId());
			if (post != null) {
				people.add(post.authorId());
				if (post.replyToAuthorId() != null) {
					people.add(Long.parseLong(post.replyToAuthorId()));
				}
				people.addAll(entry.reposters());
			}
		}
		Set<Long> followed = new HashSet<>(this.feeds.followed(readerId, people));
		followed.add(readerId);
		Map<FeedEntry, List<Long>> visible = new LinkedHashMap<>();
		Set<Long> named = new HashSet<>();
		for (FeedEntry entry : entries) {
			PostView post = found.get(entry.postId());
			if (post == null) {
				continue;
			}
			List<Long> reposters = entry.reposters().stream().filter(followed::contains).toList();
			if (reposters.isEmpty() && !isShownAsPosted(post, readerId, followed)) {
				continue;
			}
			visible.put(entry, reposters);
			named.add(post.authorId());
			named.addAll(reposters);
		}
		Map<Long, UserView> profiles = this.users.find(named, readerToken);
		visible.forEach((entry, reposters) -> {
			PostView post = found.get(entry.postId());
			UserView author = profiles.getOrDefault(post.authorId(), UserView.unknown(post.authorId()));
			List<UserView> repostedBy = reposters.stream()
				.map((id) -> profiles.getOrDefault(id, UserView.unknown(id)))
				.toList();
			items.put(entry.postId(), FeedItem.of(post, author, repostedBy));
		});
		return items;
	}

	/**
	 * Whether a post belongs in the reader's feed for its own sake: the reader wrote it,
	 * or follows its author and, for a reply, the author replied to too.
	 */
	private static boolean isShownAsPosted(PostView post, long readerId, Set<Long> followed) {
		long author = post.authorId();
		if (author == readerId) {
			return true;
		}
		if (!followed.contains(author)) {
			return false;
		}
		if (post.replyToAuthorId() == null) {
			return true;
		}
		long repliedTo = Long.parseLong(post.replyToAuthorId());
		return repliedTo == author || followed.contains(repliedTo);
	}

	private static void merge(Map<Long, FeedEntry> entries, FeedEntry entry) {
		entries.merge(entry.postId(), entry, (a, b) -> {
			Set<Long> reposters = new LinkedHashSet<>(a.reposters());
			reposters.addAll(b.reposters());
			return new FeedEntry(a.postId(), Math.max(a.time(), b.time()), List.copyOf(reposters));
		});
	}

	private static List<FeedEntry> sorted(Map<Long, FeedEntry> entries) {
		List<FeedEntry> sorted = new ArrayList<>(entries.values());
		sorted.sort(FeedEntry.NEWEST_FIRST);
		return sorted;
	}

	private static @Nullable Position higher(@Nullable Position a, @Nullable Position b) {
		if (a == null) {
			return b;
		}
		if (b == null) {
			return a;
		}
		return (a.time() > b.time() || (a.time() == b.time() && a.postId() > b.postId())) ? a : b;
	}

	private static Position lower(@Nullable Position a, Position b) {
		if (a == null) {
			return b;
		}
		return (a.time() < b.time() || (a.time() == b.time() && a.postId() < b.postId())) ? a : b;
	}

	private record Candidates(List<FeedEntry> entries, boolean more) {

	}

}
