package io.murmur.acceptance;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import io.lettuce.core.api.sync.RedisCommands;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import io.murmur.acceptance.Api.Account;
import io.murmur.acceptance.Api.Response;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The home feed through the gateway, with feed-service consuming the real events of
 * graph-service and post-service and keeping feeds in the real Redis. The platform runs
 * feed-service with a push threshold of {@value MurmurPlatform#FEED_PUSH_THRESHOLD}
 * followers, feeds of {@value MurmurPlatform#FEED_SIZE} entries and an inactivity window
 * of {@link MurmurPlatform#FEED_INACTIVE_AFTER}.
 */
class FeedAcceptanceTests {

	final Api api = new Api(MurmurPlatform.get().gatewayUrl());

	final RedisCommands<String, String> redis = MurmurPlatform.get().feedRedis();

	@Nested
	class Journey {

		@Test
		void shouldShowFollowedPostsQuicklyAndFollowDeletesUnfollowsAndFollowsAgain() {
			Account alice = api.newAccount();
			Account bob = api.newAccount();
			assertThat(feed(alice)).isEmpty();
			follow(alice, bob);

			String post = post(bob, "Hello from Bob");
			await().atMost(Duration.ofSeconds(2)).until(() -> feed(alice).contains(post));
			JsonNode item = feedItems(alice).get(0);
			assertThat(item.get("author").get("handle").asString()).isEqualTo(bob.handle());
			assertThat(item.get("text").asString()).isEqualTo("Hello from Bob");
			assertThat(item.get("viewer").get("liked").asBoolean()).isFalse();

			assertThat(api.delete("/api/v1/posts/" + post, bob.accessToken()).status()).isEqualTo(204);
			await().atMost(Duration.ofSeconds(10)).until(() -> !feed(alice).contains(post));
			await().atMost(Duration.ofSeconds(10))
				.until(() -> redis.zscore("feed:{" + alice.id() + "}", member(post)) == null);

			String second = post(bob, "Second");
			String third = post(bob, "Third");
			await().atMost(Duration.ofSeconds(10)).until(() -> feed(alice).containsAll(List.of(second, third)));

			assertThat(api.delete("/api/v1/users/" + bob.id() + "/follow", alice.accessToken()).status())
				.isEqualTo(204);
			await().atMost(Duration.ofSeconds(10)).until(() -> feed(alice).isEmpty());

			follow(alice, bob);
			await().atMost(Duration.ofSeconds(10)).until(() -> feed(alice).equals(List.of(third, second)));
		}

		@Test
		void shouldPushToFollowsMadeAfterTheAuthorsFollowersWereKeptAndNotToUnfollows() {
			Account author = api.newAccount();
			Account early = api.newAccount();
			Account late = api.newAccount();
			assertThat(feed(early)).isEmpty();
			assertThat(feed(late)).isEmpty();
			follow(early, author);
			String first = post(author, "First");
			await().atMost(Duration.ofSeconds(10)).until(() -> feed(early).contains(first));
			String followers = "followers:{" + author.id() + "}";
			assertThat(redis.smembers(followers)).containsExactly(early.id());

			follow(late, author);
			await().atMost(Duration.ofSeconds(10)).until(() -> feed(late).contains(first));
			String second = post(author, "Second");
			await().atMost(Duration.ofSeconds(10)).until(() -> feed(late).contains(second));

			assertThat(api.delete("/api/v1/users/" + author.id() + "/follow", early.accessToken()).status())
				.isEqualTo(204);
			await().atMost(Duration.ofSeconds(10)).until(() -> !redis.smembers(followers).contains(early.id()));
			String third = post(author, "Third");
			await().atMost(Duration.ofSeconds(10)).until(() -> feed(late).contains(third));
			assertThat(redis.zscore("feed:{" + early.id() + "}", member(third))).isNull();
		}

		@Test
		void shouldShowAPostRepostedByManyOnceAndRepliesOnlyToPeopleTheReaderFollows() {
			Account reader = api.newAccount();
			Account bob = api.newAccount();
			Account carol = api.newAccount();
			Account stranger = api.newAccount();
			follow(reader, bob);
			follow(reader, carol);
			feed(reader);

			String strangers = post(stranger, "Something worth sharing");
			assertThat(api.post("/api/v1/posts/" + strangers + "/repost", null, bob.accessToken()).status())
				.isEqualTo(204);
			assertThat(api.post("/api/v1/posts/" + strangers + "/repost", null, carol.accessToken()).status())
				.isEqualTo(204);
			String replyToStranger = reply(bob, strangers, "Agreed, stranger");
			String replyToCarol = reply(bob, post(carol, "Carol's question"), "Bob answers Carol");
			String marker = post(bob, "marker");

			await().atMost(Duration.ofSeconds(10)).until(() -> feed(reader).contains(marker));
			await().atMost(Duration.ofSeconds(10)).until(() -> repostedBy(reader, strangers).size() == 2);
			List<String> ids = feed(reader);
			assertThat(ids).doesNotHaveDuplicates().contains(strangers, replyToCarol).doesNotContain(replyToStranger);
			assertThat(repostedBy(reader, strangers)).containsExactlyInAnyOrder(bob.handle(), carol.handle());

			assertThat(api.delete("/api/v1/posts/" + strangers + "/repost", bob.accessToken()).status()).isEqualTo(204);
			await().atMost(Duration.ofSeconds(10))
				.until(() -> repostedBy(reader, strangers).equals(List.of(carol.handle())));
		}

	}

	@Nested
	class Celebrity {

		@Test
		void shouldPullACelebritysPostWithoutWritingIntoFollowersFeedsYetShowIt() {
			Account celebrity = api.newAccount();
			Account ordinary = api.newAccount();
			List<Account> followers = new ArrayList<>();
			for (int i = 0; i < MurmurPlatform.FEED_PUSH_THRESHOLD + 1; i++) {
				Account follower = api.newAccount();
				follow(follower, celebrity);
				followers.add(follower);
			}
			List<Account> ordinaryFollowers = followers.subList(0, MurmurPlatform.FEED_PUSH_THRESHOLD - 1);
			ordinaryFollowers.forEach((follower) -> follow(follower, ordinary));
			followers.forEach(FeedAcceptanceTests.this::feed);
			long insertsBefore = zaddCalls();

			Api direct = new Api(MurmurPlatform.get().postServiceUrl());
			String pulled = post(direct, celebrity, "A celebrity speaks");
			String pushed = post(direct, ordinary, "An ordinary post");
			await().atMost(Duration.ofSeconds(10))
				.until(() -> ordinaryFollowers.stream()
					.allMatch((follower) -> redis.zscore("feed:{" + follower.id() + "}", member(pushed)) != null));
			await().atMost(Duration.ofSeconds(10))
				.until(() -> redis.zscore("author:{" + celebrity.id() + "}", member(pulled)) != null);
			long inserts = zaddCalls() - insertsBefore;

			assertThat(followers)
				.allSatisfy((follower) -> assertThat(redis.zscore("feed:{" + follower.id() + "}", member(pulled)))
					.as("the celebrity's post in a follower's feed")
					.isNull());
			assertThat(inserts)
				.as("sorted-set inserts for both posts: one per follower of the ordinary author, none per follower "
						+ "of the celebrity (a push to all of them would take at least %d)",
						ordinaryFollowers.size() + followers.size())
				.isGreaterThanOrEqualTo(ordinaryFollowers.size())
				.isLessThan((long) ordinaryFollowers.size() + followers.size());
			for (Account follower : followers) {
				await().atMost(Duration.ofSeconds(10)).until(() -> feed(follower).contains(pulled));
			}
			for (Account follower : ordinaryFollowers) {
				await().atMost(Duration.ofSeconds(10)).until(() -> feed(follower).contains(pushed));
			}
		}

	}

	@Nested
	class LostRedis {

		@Test
		void shouldServeTheSameFeedAfterRedisLostEverything() {
			Account reader = api.newAccount();
			Account bob = api.newAccount();
			Account carol = api.newAccount();
			follow(reader, bob);
			follow(reader, carol);
			feed(reader);
			List<String> posted = new ArrayList<>();
			for (int i = 0; i < 6; i++) {
				posted.add(post((i % 2 == 0) ? bob : carol, "post " + i));
			}
			await().atMost(Duration.ofSeconds(10)).until(() -> feed(reader).containsAll(posted));
			List<String> before = feed(reader);

			assertThat(redis.flushall()).isEqualTo("OK");

			assertThat(feed(reader)).isEqualTo(before).containsExactlyElementsOf(posted.reversed());
		}

	}

	@Nested
	class Paging {

		@Test
		void shouldPageThroughTwoHundredPostsWithoutDuplicatesOrGapsWhileNewOnesArrivePastTheCachedWindow()
				throws Exception {
			Account reader = api.newAccount();
			List<Account> authors = List.of(api.newAccount(), api.newAccount(), api.newAccount(), api.newAccount());
			for (Account author : authors) {
				follow(reader, author);
			}
			feed(reader);
			List<String> older = new ArrayList<>();
			for (int i = 0; i < 200; i++) {
				older.add(post(authors.get(i % authors.size()), "older " + i));
				if (i % 10 == 0) {
					feed(reader, 1);
				}
			}
			List<String> lastOfEachAuthor = older.subList(older.size() - authors.size(), older.size());
			await().atMost(Duration.ofSeconds(30)).until(() -> {
				feed(reader, 1);
				return lastOfEachAuthor.stream()
					.allMatch((id) -> redis.zscore("feed:{" + reader.id() + "}", member(id)) != null);
			});
			assertThat(redis.zcard("feed:{" + reader.id() + "}")).as("entries Redis keeps")
				.isEqualTo(MurmurPlatform.FEED_SIZE);

			AtomicBoolean reading = new AtomicBoolean(true);
			AtomicReference<Throwable> writerFailure = new AtomicReference<>();
			List<String> newer = new ArrayList<>();
			Thread writer = Thread.ofVirtual().start(() -> {
				try {
					for (int i = 0; reading.get(); i++) {
						newer.add(post(authors.get(i % authors.size()), "newer " + i));
					}
				}
				catch (Throwable ex) {
					writerFailure.set(ex);
				}
			});
			List<JsonNode> read = new ArrayList<>();
			String cursor = null;
			int pages = 0;
			do {
				Response page = api.get("/api/v1/feed?limit=20" + ((cursor != null) ? "&cursor=" + cursor : ""),
						reader.accessToken());
				assertThat(page.status()).as(page.toString()).isEqualTo(200);
				page.json().get("items").forEach(read::add);
				cursor = page.json().get("nextCursor").isNull() ? null : page.json().get("nextCursor").asString();
				pages++;
			}
			while (cursor != null && pages < 50);
			reading.set(false);
			writer.join();

			assertThat(writerFailure.get()).isNull();
			assertThat(newer).isNotEmpty();
			List<String> ids = read.stream().map((item) -> item.get("id").asString()).toList();
			assertThat(ids).doesNotHaveDuplicates().containsAll(older);
			assertThat(ids.subList(ids.size() - older.size(), ids.size())).containsExactlyElementsOf(older.reversed());
			List<Instant> times = read.stream().map((item) -> Instant.parse(item.get("createdAt").asString())).toList();
			assertThat(times).isSortedAccordingTo((a, b) -> b.compareTo(a));
		}

	}

	@Nested
	class InactiveUser {

		@Test
		void shouldSkipAnInactiveFollowerAtFanOutAndGiveThemAFullFirstPageWhenTheyReturn() {
			Account away = api.newAccount();
			Account active = api.newAccount();
			Account author = api.newAccount();
			follow(away, author);
			follow(active, author);
			feed(away);
			await().atMost(MurmurPlatform.FEED_INACTIVE_AFTER.multipliedBy(3))
				.pollInterval(Duration.ofMillis(500))
				.until(() -> redis.exists("feed:{" + away.id() + "}:meta") == 0);

			List<String> posted = new ArrayList<>();
			for (int i = 0; i < 25; i++) {
				posted.add(post(author, "while you were away " + i));
			}
			feed(active);
			await().atMost(Duration.ofSeconds(10)).until(() -> feed(active).contains(posted.get(posted.size() - 1)));
			assertThat(redis.exists("feed:{" + away.id() + "}")).as("the inactive follower's feed").isZero();

			List<String> firstPage = feed(away, 20);
			assertThat(firstPage).containsExactlyElementsOf(posted.reversed().subList(0, 20));
		}

	}

	@Nested
	class Crash {

		@Test
		void shouldDeliverPostsAcknowledgedWhileFeedServiceWasDownAfterACrash() {
			Account reader = api.newAccount();
			Account author = api.newAccount();
			follow(reader, author);
			feed(reader);
			for (String suffix : List.of("", ":meta", ":reposts", ":following")) {
				redis.persist("feed:{" + reader.id() + "}" + suffix);
			}

			MurmurPlatform.get().crashFeedService();
			List<String> posted = new ArrayList<>();
			try {
				for (int i = 0; i < 3; i++) {
					posted.add(post(author, "posted while feed-service was down " + i));
				}
			}
			finally {
				MurmurPlatform.get().restartFeedService();
			}

			await().atMost(Duration.ofSeconds(45))
				.until(() -> posted.stream()
					.allMatch((id) -> redis.zscore("feed:{" + reader.id() + "}", member(id)) != null));
			assertThat(feed(reader)).containsExactlyElementsOf(posted.reversed());
		}

	}

	@Nested
	class BadInput {

		@Test
		void shouldRefuseABadCursorOrLimitWithAProblem() {
			Account reader = api.newAccount();
			for (String query : List.of("cursor=not-a-cursor", "limit=101", "limit=0", "limit=many",
					"cursor=ZjI6MTox")) {
				Response response = api.get("/api/v1/feed?" + query, reader.accessToken());
				assertThat(response.status()).as(query).isEqualTo(400);
				assertThat(response.contentType()).as(query).startsWith("application/problem+json");
				assertThat(response.json().get("type").asString()).as(query)
					.startsWith("https://murmur.example/problems/");
			}
			assertThat(api.get("/api/v1/feed", null).status()).isEqualTo(401);
			Response direct = new Api(MurmurPlatform.get().feedServiceUrl()).get("/api/v1/feed", "not-a-token");
			assertThat(direct.status()).as("feed-service itself checks the token").isEqualTo(401);
			assertThat(direct.contentType()).startsWith("application/problem+json");
		}

	}

	private void follow(Account follower, Account followee) {
		Response followed = this.api.post("/api/v1/users/" + followee.id() + "/follow", null, follower.accessToken());
		assertThat(followed.status()).as(followed.toString()).isEqualTo(204);
	}

	private String post(Account author, String text) {
		return post(this.api, author, text);
	}

	private static String post(Api api, Account author, String text) {
		Response created = api.post("/api/v1/posts", Api.json.writeValueAsString(java.util.Map.of("text", text)),
				author.accessToken());
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created.json().get("id").asString();
	}

	private String reply(Account author, String to, String text) {
		Response created = this.api.post("/api/v1/posts",
				Api.json.writeValueAsString(java.util.Map.of("text", text, "replyTo", to)), author.accessToken());
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created.json().get("id").asString();
	}

	private List<String> feed(Account reader) {
		return feed(reader, 100);
	}

	private List<String> feed(Account reader, int limit) {
		List<String> ids = new ArrayList<>();
		feedItems(reader, limit).forEach((item) -> ids.add(item.get("id").asString()));
		return ids;
	}

	private JsonNode feedItems(Account reader) {
		return feedItems(reader, 100);
	}

	private JsonNode feedItems(Account reader, int limit) {
		Response page = this.api.get("/api/v1/feed?limit=" + limit, reader.accessToken());
		assertThat(page.status()).as(page.toString()).isEqualTo(200);
		return page.json().get("items");
	}

	private List<String> repostedBy(Account reader, String postId) {
		for (JsonNode item : feedItems(reader)) {
			if (item.get("id").asString().equals(postId)) {
				List<String> handles = new ArrayList<>();
				item.get("repostedBy").forEach((user) -> handles.add(user.get("handle").asString()));
				return handles;
			}
		}
		return List.of();
	}

	/**
	 * Sorted-set inserts Redis has run, those inside scripts included: one per feed a
	 * post is pushed into, however many feeds a script call writes. Unlike a count of
	 * script calls, it does not move with follow events that reach feed-service late.
	 */
	private long zaddCalls() {
		Set<String> lines = new HashSet<>(List.of(this.redis.info("commandstats").split("\r?\n")));
		return lines.stream()
			.filter((line) -> line.startsWith("cmdstat_zadd:"))
			.mapToLong((line) -> Long.parseLong(line.replaceAll("^cmdstat_\\w+:calls=(\\d+),.*", "$1")))
			.sum();
	}

	private static String member(String postId) {
		return "0".repeat(19 - postId.length()) + postId;
	}

}
