package io.murmur.feed.it;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A stand-in for post-service's internal reads: authors' merged timelines and posts by
 * batch. A test writes a post or a repost here with {@link #post} or {@link #repost} (and
 * publishes the event itself); ids and times rise with every entry, one millisecond
 * apart, as Snowflake ids do.
 */
final class StubPostService extends StubServer {

	private static final AtomicLong ids = new AtomicLong(System.currentTimeMillis() * 1000);

	private static final AtomicLong clock = new AtomicLong(System.currentTimeMillis());

	private final Map<Long, Entry> entries = new ConcurrentHashMap<>();

	private final Set<Long> deleted = ConcurrentHashMap.newKeySet();

	private final List<Set<Long>> timelineReads = new CopyOnWriteArrayList<>();

	private volatile Duration timelinesDelay = Duration.ZERO;

	Entry post(long author, String text) {
		return add(new Entry(ids.incrementAndGet(), author, Instant.ofEpochMilli(clock.incrementAndGet()), text, null,
				null, null, null));
	}

	Entry reply(long author, String text, Entry to) {
		return add(new Entry(ids.incrementAndGet(), author, Instant.ofEpochMilli(clock.incrementAndGet()), text,
				to.id(), to.author(), null, null));
	}

	Entry repost(long reposter, Entry post) {
		return add(new Entry(ids.incrementAndGet(), reposter, Instant.ofEpochMilli(clock.incrementAndGet()), "", null,
				null, post.id(), post.author()));
	}

	void delete(long postId) {
		this.deleted.add(postId);
	}

	/**
	 * Makes every read of merged timelines take this long more, as post-service's does
	 * for a reader who follows many, or while it warms up.
	 */
	void slowTimelinesBy(Duration delay) {
		this.timelinesDelay = delay;
	}

	/**
	 * How many reads of merged timelines asked for an author's.
	 */
	long timelineReadsOf(long author) {
		return this.timelineReads.stream().filter((authors) -> authors.contains(author)).count();
	}

	private Entry add(Entry entry) {
		this.entries.put(entry.id(), entry);
		return entry;
	}

	@Override
	Object answer(String method, String path, String query, JsonNode body) {
		if (!method.equals("POST")) {
			return null;
		}
		return switch (path) {
			case "/internal/posts/timelines" -> Map.of("items", timelines(body));
			case "/internal/posts/batch" -> Map.of("items", batch(body));
			default -> null;
		};
	}

	private List<Map<String, Object>> timelines(JsonNode request) {
		Set<Long> authors = new HashSet<>();
		request.get("authorIds").forEach((id) -> authors.add(Long.parseLong(id.asString())));
		this.timelineReads.add(authors);
		if (!this.timelinesDelay.isZero()) {
			try {
				Thread.sleep(this.timelinesDelay);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		Instant until = request.has("until") ? Instant.parse(request.get("until").asString()) : Instant.MAX;
		return this.entries.values()
			.stream()
			.filter((entry) -> authors.contains(entry.author()) && !this.deleted.contains(entry.shown()))
			.filter((entry) -> !entry.createdAt().isAfter(until))
			.sorted(Comparator.comparing(Entry::createdAt).thenComparing(Entry::id).reversed())
			.limit(request.get("limit").asInt())
			.map(Entry::timelineEntry)
			.toList();
	}

	private List<Map<String, Object>> batch(JsonNode request) {
		List<Map<String, Object>> posts = new ArrayList<>();
		for (JsonNode id : request.get("ids")) {
			Entry entry = this.entries.get(Long.parseLong(id.asString()));
			if (entry != null && entry.repostOf() == null && !this.deleted.contains(entry.id())) {
				posts.add(entry.post());
			}
		}
		return posts;
	}

	/**
	 * A post or a repost.
	 *
	 * @param id the entry id
	 * @param author who posted or reposted
	 * @param createdAt when
	 * @param text the text of a post
	 * @param replyTo the post a reply answers
	 * @param replyToAuthor its author
	 * @param repostOf the post a repost shows
	 * @param repostOfAuthor its author
	 */
	record Entry(long id, long author, Instant createdAt, String text, @Nullable Long replyTo,
			@Nullable Long replyToAuthor, @Nullable Long repostOf, @Nullable Long repostOfAuthor) {

		long shown() {
			return (this.repostOf != null) ? this.repostOf : this.id;
		}

		Map<String, Object> timelineEntry() {
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("id", Long.toString(this.id));
			entry.put("authorId", Long.toString(this.author));
			entry.put("createdAt", this.createdAt.toString());
			entry.put("repostOf", string(this.repostOf));
			entry.put("repostOfAuthorId", string(this.repostOfAuthor));
			entry.put("replyToAuthorId", string(this.replyToAuthor));
			return entry;
		}

		Map<String, Object> post() {
			Map<String, Object> post = new LinkedHashMap<>();
			post.put("id", Long.toString(this.id));
			post.put("author", Map.of("id", Long.toString(this.author)));
			post.put("text", this.text);
			post.put("createdAt", this.createdAt.toString());
			post.put("media", List.of());
			post.put("replyTo", string(this.replyTo));
			post.put("replyToAuthorId", string(this.replyToAuthor));
			post.put("quoteOf", null);
			post.put("counts", Map.of("likes", 0, "reposts", 0, "replies", 0));
			post.put("viewer", Map.of("liked", false, "reposted", false));
			post.put("mentions", List.of());
			post.put("hashtags", List.of());
			return post;
		}

		private static @Nullable String string(@Nullable Long id) {
			return (id != null) ? Long.toString(id) : null;
		}

	}

}
