package io.murmur.reliability.faults;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import io.murmur.reliability.faults.Ledger.Follow;
import io.murmur.reliability.faults.Ledger.Like;
import io.murmur.reliability.faults.Ledger.Post;
import io.murmur.reliability.faults.PublicApi.Account;
import io.murmur.reliability.faults.PublicApi.Answer;

/**
 * Verifies, through the public API, everything the {@link Ledger} says the platform
 * acknowledged: every post exists, is in the feed of every follower it was posted to and
 * is searchable; every like is counted exactly once; every follow, like and reply made
 * exactly one notification; every photo is served. Writes of unknown outcome may be there
 * or not, but never twice.
 * <p>
 * A look-up that gets no answer, a 401, a 429 or a 5xx says nothing about what it looked
 * for: what it would have found is counted as unchecked, neither found nor lost.
 */
public final class Checker {

	/** How many look-ups one check has under way at once. */
	private static final int PARALLEL = 32;

	/** How many search words one query holds, joined by {@code OR}. */
	private static final int WORDS_PER_QUERY = 20;

	private final PublicApi api;

	private final Ledger ledger;

	private final @Nullable NotificationStreams streams;

	/**
	 * A checker.
	 * @param api a client with a call log of its own, so that checking does not show in
	 * the workload's numbers
	 * @param ledger what was acknowledged
	 */
	public Checker(PublicApi api, Ledger ledger) {
		this(api, ledger, null);
	}

	/**
	 * A checker that also holds every notification someone found in their list against
	 * what their live stream delivered: each exactly once.
	 * @param api a client with a call log of its own
	 * @param ledger what was acknowledged
	 * @param streams the streams kept open during the run, still open while checking
	 */
	public Checker(PublicApi api, Ledger ledger, @Nullable NotificationStreams streams) {
		this.api = api;
		this.ledger = ledger;
		this.streams = streams;
	}

	/**
	 * Checks until everything acknowledged is found, and nothing is left unchecked, or
	 * the time is up.
	 * @param limit how long to keep trying
	 * @return the last verdict, and how long it took to get there
	 */
	public Verdict awaitConverged(Duration limit) {
		return await(limit, Verdict::clean);
	}

	/**
	 * Checks until everything acknowledged is found and nothing is left unchecked, or the
	 * time is up. Extra copies do not count here: this is for measuring how soon what was
	 * acknowledged shows; copies are for a check that must be {@link Verdict#clean()
	 * clean}.
	 * @param limit how long to keep trying
	 * @return the last verdict, and how long it took to get there
	 */
	public Verdict awaitFound(Duration limit) {
		return await(limit, Verdict::allFound);
	}

	/**
	 * Passes, one after another, until everything is done or the time is up. A look-up
	 * (an author's timeline, a reader's feed, a recipient's list, one search) whose part
	 * of the verdict was done is not made again: a later pass looks again only where
	 * something was missing, so that one after the first takes as long as what is still
	 * missing, not as long as the whole ledger.
	 */
	private Verdict await(Duration limit, Predicate<Verdict> done) {
		long started = System.nanoTime();
		long deadline = started + limit.toNanos();
		List<Tally> settled = new ArrayList<>();
		List<LookUp> open = lookUps();
		Map<LookUp, Tally> last;
		while (true) {
			last = run(open);
			List<LookUp> again = new ArrayList<>();
			last.forEach((lookUp, tally) -> {
				if (done.test(tally.verdict())) {
					settled.add(tally);
				}
				else {
					again.add(lookUp);
				}
			});
			open = again;
			if (open.isEmpty() || System.nanoTime() >= deadline) {
				break;
			}
			try {
				Thread.sleep(Duration.ofSeconds(1));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
		}
		List<Tally> all = new ArrayList<>(settled);
		for (LookUp lookUp : open) {
			all.add(last.get(lookUp));
		}
		return Tally.merge(all).verdict().after(Duration.ofNanos(System.nanoTime() - started));
	}

	/**
	 * One full pass over the ledger.
	 * @return what was found
	 */
	public Verdict check() {
		return Tally.merge(run(lookUps()).values()).verdict();
	}

	/**
	 * Every look-up a pass makes, each with a part of the ledger. Feeds and notification
	 * lists are walked a page after another, the longest chains of a pass: they come
	 * first, so that the short look-ups fill in around them rather than leave them
	 * running alone at the end.
	 */
	private List<LookUp> lookUps() {
		List<LookUp> lookUps = new ArrayList<>();
		List<Post> posts = this.ledger.posts();
		Map<String, Long> likes = countLikes(this.ledger.likes());
		Map<String, Long> maybeLikes = countLikes(this.ledger.unknownLikes());
		followers().forEach((reader, followed) -> lookUps.add((tally) -> checkFeed(reader, followed, posts, tally)));
		expectedNotifications(posts)
			.forEach((recipient, keys) -> lookUps.add((tally) -> checkNotifications(recipient, keys, tally)));
		posts.stream()
			.collect(Collectors.groupingBy(Post::author))
			.forEach((author, written) -> lookUps
				.add((tally) -> checkTimeline(author, written, likes, maybeLikes, tally)));
		for (int from = 0; from < posts.size(); from += WORDS_PER_QUERY) {
			List<Post> batch = posts.subList(from, Math.min(posts.size(), from + WORDS_PER_QUERY));
			lookUps.add((tally) -> checkSearch(batch, tally));
		}
		return lookUps;
	}

	/**
	 * Makes the look-ups, {@link #PARALLEL} at a time, in their order.
	 * @return what each found
	 */
	private Map<LookUp, Tally> run(List<LookUp> lookUps) {
		Map<LookUp, Tally> found = new LinkedHashMap<>();
		lookUps.forEach((lookUp) -> found.put(lookUp, new Tally()));
		try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
			Semaphore parallel = new Semaphore(PARALLEL);
			List<Future<?>> work = new ArrayList<>();
			found.forEach((lookUp, tally) -> {
				parallel.acquireUninterruptibly();
				work.add(executor.submit(() -> {
					try {
						lookUp.into(tally);
					}
					finally {
						parallel.release();
					}
				}));
			});
			work.forEach(Checker::join);
		}
		return found;
	}

	/**
	 * An author's posts, read a page of 100 at a time from their timeline as anyone
	 * visiting their profile would: each acknowledged post must be on it once. A post not
	 * there is then looked up by its id, to tell a lost post from a lost timeline entry.
	 */
	private void checkTimeline(Account author, List<Post> written, Map<String, Long> likes,
			Map<String, Long> maybeLikes, Tally tally) {
		Set<String> expected = written.stream().map(Post::id).collect(Collectors.toSet());
		Map<String, JsonNode> seen = new HashMap<>();
		Answer page;
		String cursor = null;
		do {
			page = this.api.timeline(author, cursor, 100);
			if (page.status() != 200) {
				tally.missing(page, "timeline entries", author + "'s timeline answered " + page.status(),
						expected.size() - expected.stream().filter(seen::containsKey).count());
				break;
			}
			for (JsonNode item : page.json().path("items")) {
				String id = item.path("id").asString();
				if (seen.putIfAbsent(id, item) != null && expected.contains(id)) {
					tally.duplicated("timeline entries", id + " twice on " + author + "'s timeline", 1);
				}
			}
			cursor = nextCursor(page.json());
		}
		while (cursor != null && !seen.keySet().containsAll(expected));
		boolean walked = page.status() == 200;
		for (Post post : written) {
			long acknowledgedLikes = likes.getOrDefault(post.id(), 0L);
			long unknownLikes = maybeLikes.getOrDefault(post.id(), 0L);
			JsonNode found = seen.get(post.id());
			if (found != null) {
				tally.found("timeline entries");
				checkPost(post, found, acknowledgedLikes, unknownLikes, tally);
				continue;
			}
			if (walked) {
				tally.lost("timeline entries", post.id() + " missing from " + author + "'s timeline");
			}
			Answer answer = this.api.getPost(author, post.id());
			if (answer.status() != 200) {
				tally.missing(answer, "posts", post.id() + " answered " + answer.status(), 1);
				tally.unchecked("likes", acknowledgedLikes);
				if (post.mediaId() != null) {
					tally.unchecked("media", 1);
				}
				continue;
			}
			checkPost(post, answer.json(), acknowledgedLikes, unknownLikes, tally);
		}
	}

	private void checkPost(Post post, JsonNode found, long likes, long maybeLikes, Tally tally) {
		tally.found("posts");
		long counted = found.path("counts").path("likes").asLong(-1);
		if (likes + maybeLikes > 0 || counted > 0) {
			if (counted < likes) {
				tally.lost("likes", post.id() + " counts " + counted + " likes of " + likes + " acknowledged",
						likes - counted);
			}
			else if (counted > likes + maybeLikes) {
				tally.duplicated("likes", post.id() + " counts " + counted + " likes of " + likes + " acknowledged and "
						+ maybeLikes + " unanswered", counted - likes - maybeLikes);
			}
			tally.found("likes", Math.min(counted, likes));
		}
		if (post.mediaId() != null) {
			JsonNode media = found.path("media");
			String url = media.path(0).path("url").asString("");
			Answer download = url.isEmpty() ? new Answer(0, "") : this.api.download(url);
			if (download.status() == 200) {
				tally.found("media");
			}
			else {
				tally.missing(download, "media",
						post.id() + "'s photo " + post.mediaId() + " answered " + download.status(), 1);
			}
		}
	}

	private void checkFeed(Account reader, List<Follow> followed, List<Post> posts, Tally tally) {
		Map<String, Long> since = followed.stream()
			.collect(Collectors.toMap((follow) -> follow.followee().id(), Follow::acknowledgedAt, Math::min));
		Set<String> expected = new HashSet<>();
		for (Post post : posts) {
			Long followedAt = since.get(post.author().id());
			if (post.replyTo() == null && followedAt != null && post.acknowledgedAt() > followedAt) {
				expected.add(post.id());
			}
		}
		if (expected.isEmpty()) {
			return;
		}
		List<String> seen = new ArrayList<>();
		String cursor = null;
		do {
			Answer page = this.api.feed(reader, cursor, 100);
			if (page.status() != 200) {
				tally.missing(page, "feed entries", reader + "'s feed answered " + page.status(), expected.size());
				return;
			}
			JsonNode json = page.json();
			json.path("items").forEach((item) -> seen.add(item.path("id").asString()));
			cursor = nextCursor(json);
		}
		while (cursor != null && !seen.containsAll(expected));
		Set<String> distinct = new HashSet<>();
		for (String id : seen) {
			if (!distinct.add(id) && expected.contains(id)) {
				tally.duplicated("feed entries", id + " twice in " + reader + "'s feed", 1);
			}
		}
		for (String id : expected) {
			if (distinct.contains(id)) {
				tally.found("feed entries");
			}
			else {
				tally.lost("feed entries", id + " missing from " + reader + "'s feed");
			}
		}
	}

	private void checkSearch(List<Post> batch, Tally tally) {
		String query = batch.stream().map(Post::token).collect(Collectors.joining(" OR "));
		Answer answer = this.api.search(batch.get(0).author(), query, 50);
		if (answer.status() != 200) {
			tally.missing(answer, "searchable", "a search for " + batch.size() + " posts answered " + answer.status(),
					batch.size());
			return;
		}
		Map<String, Long> hits = new HashMap<>();
		answer.json().path("items").forEach((item) -> hits.merge(item.path("id").asString(), 1L, Long::sum));
		for (Post post : batch) {
			long count = hits.getOrDefault(post.id(), 0L);
			if (count == 0) {
				tally.lost("searchable", post.id() + " (" + post.token() + ") not found");
			}
			else {
				tally.found("searchable");
				if (count > 1) {
					tally.duplicated("searchable", post.id() + " found " + count + " times", count - 1);
				}
			}
		}
	}

	private void checkNotifications(String recipient, Map<Key, Expectation> expected, Tally tally) {
		Account account = expected.values().iterator().next().recipient();
		Map<Key, Long> counted = new HashMap<>();
		List<String> ids = new ArrayList<>();
		String cursor = null;
		int pages = 0;
		do {
			Answer page = this.api.notifications(account, cursor);
			if (page.status() != 200) {
				long acknowledged = expected.values().stream().filter(Expectation::acknowledged).count();
				tally.missing(page, "notifications", account + "'s notifications answered " + page.status(),
						acknowledged);
				return;
			}
			JsonNode json = page.json();
			for (JsonNode item : json.path("items")) {
				String actor = item.path("actors").path(0).path("id").asString("");
				String post = item.path("post").path("id").asString("");
				Key key = new Key(item.path("type").asString(), actor, post);
				counted.merge(key, 1L, Long::sum);
				if (expected.containsKey(key)) {
					ids.add(item.path("id").asString());
				}
			}
			cursor = nextCursor(json);
		}
		while (cursor != null && ++pages < 1000);
		checkStreamed(account, ids, tally);
		expected.forEach((key, expectation) -> {
			long count = counted.getOrDefault(key, 0L);
			if (count > 1) {
				tally.duplicated("notifications", key + " notified " + count + " times to " + account, count - 1);
			}
			if (expectation.acknowledged()) {
				if (count == 0) {
					tally.lost("notifications", key + " never notified to " + account);
				}
				else {
					tally.found("notifications");
				}
			}
		});
	}

	/**
	 * Every notification in someone's list that the ledger accounts for arrived on their
	 * stream, once.
	 */
	private void checkStreamed(Account account, List<String> ids, Tally tally) {
		Map<String, Integer> received = (this.streams != null) ? this.streams.received(account.id()) : null;
		if (received == null) {
			return;
		}
		for (String id : ids) {
			int count = received.getOrDefault(id, 0);
			if (count == 0) {
				tally.lost("streamed notifications", "notification " + id + " never reached " + account + "'s stream");
			}
			else {
				tally.found("streamed notifications");
				if (count > 1) {
					tally.duplicated("streamed notifications",
							"notification " + id + " reached " + account + "'s stream " + count + " times", count - 1);
				}
			}
		}
	}

	private static @Nullable String nextCursor(JsonNode page) {
		JsonNode next = page.path("nextCursor");
		return (next.isNull() || next.isMissingNode()) ? null : next.asString();
	}

	private Map<Account, List<Follow>> followers() {
		return this.ledger.follows()
			.stream()
			.collect(Collectors.groupingBy(Follow::follower, ConcurrentHashMap::new, Collectors.toList()));
	}

	private Map<String, Map<Key, Expectation>> expectedNotifications(Collection<Post> posts) {
		Map<String, Map<Key, Expectation>> expected = new HashMap<>();
		Consumer<Expectation> add = (expectation) -> expected
			.computeIfAbsent(expectation.recipient().id(), (id) -> new HashMap<>())
			.merge(expectation.key(), expectation, (a, b) -> a.acknowledged() ? a : b);
		this.ledger.follows()
			.forEach((follow) -> add
				.accept(new Expectation(follow.followee(), new Key("follow", follow.follower().id(), ""), true)));
		this.ledger.unknownFollows()
			.forEach((follow) -> add
				.accept(new Expectation(follow.followee(), new Key("follow", follow.follower().id(), ""), false)));
		this.ledger.likes()
			.forEach((like) -> add.accept(
					new Expectation(like.post().author(), new Key("like", like.liker().id(), like.post().id()), true)));
		this.ledger.unknownLikes()
			.forEach((like) -> add.accept(new Expectation(like.post().author(),
					new Key("like", like.liker().id(), like.post().id()), false)));
		for (Post post : posts) {
			if (post.replyToAuthor() != null) {
				add.accept(
						new Expectation(post.replyToAuthor(), new Key("reply", post.author().id(), post.id()), true));
			}
		}
		return expected;
	}

	private static Map<String, Long> countLikes(List<Like> likes) {
		return likes.stream().collect(Collectors.groupingBy((like) -> like.post().id(), Collectors.counting()));
	}

	private static void join(Future<?> future) {
		try {
			future.get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (java.util.concurrent.ExecutionException ex) {
			throw new IllegalStateException("A check failed to run", ex.getCause());
		}
	}

	/**
	 * Whether an answer says nothing about what was looked up: no answer, a token the
	 * platform did not take (a restarted user-service with another key), a limit, or a
	 * server that could not serve.
	 */
	static boolean couldNotLook(int status) {
		return status == Call.NO_ANSWER || status == 401 || status == 429 || status >= 500;
	}

	/**
	 * One look-up of a pass, adding what it found to a tally.
	 */
	@FunctionalInterface
	private interface LookUp {

		void into(Tally tally);

	}

	private record Key(String type, String actor, String post) {

		@Override
		public String toString() {
			return this.type + " by " + this.actor + (this.post.isEmpty() ? "" : " on " + this.post);
		}

	}

	private record Expectation(Account recipient, Key key, boolean acknowledged) {

	}

	/**
	 * Counts per kind of acknowledged thing, collected from many threads.
	 */
	private static final class Tally {

		private final Map<String, long[]> counts = new ConcurrentHashMap<>();

		private final List<String> examples = java.util.Collections.synchronizedList(new ArrayList<>());

		void found(String kind) {
			found(kind, 1);
		}

		void found(String kind, long count) {
			add(kind, 0, count);
		}

		void lost(String kind, String example) {
			lost(kind, example, 1);
		}

		void lost(String kind, String example, long count) {
			add(kind, 1, count);
			example("lost " + kind + ": " + example);
		}

		/**
		 * What a look-up that did not answer 200 says of what it looked for: lost when
		 * the platform said it is not there, unchecked when the answer says nothing.
		 */
		void missing(Answer answer, String kind, String example, long count) {
			if (count == 0) {
				return;
			}
			if (couldNotLook(answer.status())) {
				add(kind, 3, count);
				example("could not check " + kind + ": " + example);
			}
			else {
				lost(kind, example, count);
			}
		}

		void unchecked(String kind, long count) {
			add(kind, 3, count);
		}

		void duplicated(String kind, String example, long count) {
			add(kind, 2, count);
			example("duplicated " + kind + ": " + example);
		}

		private void add(String kind, int column, long count) {
			long[] row = this.counts.computeIfAbsent(kind, (key) -> new long[4]);
			synchronized (row) {
				row[column] += count;
			}
		}

		private void example(String example) {
			if (this.examples.size() < 50) {
				this.examples.add(example);
			}
		}

		/** The counts and examples of many tallies together. */
		static Tally merge(Collection<Tally> tallies) {
			Tally merged = new Tally();
			for (Tally tally : tallies) {
				tally.counts.forEach((kind, row) -> {
					for (int column = 0; column < row.length; column++) {
						merged.add(kind, column, row[column]);
					}
				});
				tally.examples.forEach(merged::example);
			}
			return merged;
		}

		Verdict verdict() {
			Map<String, Verdict.Counts> byKind = new java.util.TreeMap<>();
			this.counts.forEach((kind, row) -> byKind.put(kind,
					new Verdict.Counts(row[0] + row[1] + row[3], row[1], row[2], row[3])));
			return new Verdict(byKind, List.copyOf(this.examples), Duration.ZERO);
		}

	}

	/**
	 * What a check found.
	 *
	 * @param byKind per kind of acknowledged thing (posts, feed entries, searchable,
	 * likes, notifications, media): how many were acknowledged, lost, duplicated and left
	 * unchecked
	 * @param examples up to 50 of the things lost, duplicated or left unchecked
	 * @param took how long the checks ran until this verdict: zero for a single check
	 */
	public record Verdict(Map<String, Counts> byKind, List<String> examples, Duration took) {

		/**
		 * Whether everything acknowledged was found, once: nothing lost, doubled or left
		 * unchecked.
		 * @return whether the verdict is clean
		 */
		public boolean clean() {
			return byKind.values()
				.stream()
				.allMatch((counts) -> counts.lost() == 0 && counts.duplicated() == 0 && counts.unchecked() == 0);
		}

		/**
		 * Whether everything acknowledged was found: nothing lost or left unchecked,
		 * whatever extra copies there were.
		 * @return whether everything was found
		 */
		public boolean allFound() {
			return lost() == 0 && unchecked() == 0;
		}

		public long lost() {
			return byKind.values().stream().mapToLong(Counts::lost).sum();
		}

		public long duplicated() {
			return byKind.values().stream().mapToLong(Counts::duplicated).sum();
		}

		public long unchecked() {
			return byKind.values().stream().mapToLong(Counts::unchecked).sum();
		}

		public long acknowledged() {
			return byKind.values().stream().mapToLong(Counts::acknowledged).sum();
		}

		Verdict after(Duration took) {
			return new Verdict(this.byKind, this.examples, took);
		}

		/**
		 * One kind's counts.
		 *
		 * @param acknowledged how many the platform acknowledged
		 * @param lost how many of them were not found
		 * @param duplicated how many extra copies were found
		 * @param unchecked how many of them could not be looked for: the look-up got no
		 * answer that says whether they are there
		 */
		public record Counts(long acknowledged, long lost, long duplicated, long unchecked) {

		}

	}

}
