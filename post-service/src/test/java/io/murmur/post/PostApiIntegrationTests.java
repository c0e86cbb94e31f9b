package io.murmur.post;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import io.murmur.events.post.PostCreated;
import io.murmur.events.post.PostDeleted;
import io.murmur.events.post.PostLiked;
import io.murmur.events.post.PostReposted;
import io.murmur.events.post.PostUnliked;
import io.murmur.events.post.PostUnreposted;
import io.murmur.post.Api.Response;
import io.murmur.support.test.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The posts API as clients see it, against a real Cassandra and Kafka.
 */
class PostApiIntegrationTests extends IntegrationTestSupport {

	private static final String PROBLEMS = "https://murmur.example/problems/";

	@Nested
	class Publishing {

		@Test
		void shouldCreateAPostAndReadItBack() {
			long author = Api.newUser();
			long mentioned = Api.newUser();
			StubUserService.INSTANCE.register("alice_" + mentioned, mentioned);
			JsonNode created = api.create(author,
					Api.text("Hello #Murmur and #murmur, @Alice_" + mentioned + " and @nobody_here"));
			assertThat(created.get("id").isString()).isTrue();
			assertThat(created.get("author").get("id").asString()).isEqualTo(Long.toString(author));
			assertThat(created.get("text").asString()).startsWith("Hello #Murmur");
			assertThat(Instant.parse(created.get("createdAt").asString())).isBetween(Instant.now().minusSeconds(60),
					Instant.now().plusSeconds(1));
			assertThat(created.get("media").size()).isZero();
			assertThat(created.get("replyTo").isNull()).isTrue();
			assertThat(created.get("quoteOf").isNull()).isTrue();
			assertThat(created.get("repostOf").isNull()).isTrue();
			assertThat(created.get("counts").get("likes").asLong()).isZero();
			assertThat(created.get("viewer").get("liked").asBoolean()).isFalse();
			assertThat(created.get("hashtags").toString()).isEqualTo("[\"murmur\"]");
			assertThat(created.get("mentions").size()).isEqualTo(1);
			assertThat(created.get("mentions").get(0).get("id").asString()).isEqualTo(Long.toString(mentioned));
			assertThat(created.get("mentions").get(0).get("handle").asString()).isEqualTo("alice_" + mentioned);
			assertThat(StubUserService.INSTANCE.lookupAuthorizations())
				.allMatch((value) -> value.startsWith("Bearer "));

			Response response = api.post("/api/v1/posts", author, Api.text("second"));
			assertThat(response.location()).isEqualTo("/api/v1/posts/" + response.json().get("id").asString());
			Response read = api.get("/api/v1/posts/" + created.get("id").asString(), Api.newUser());
			assertThat(read.status()).isEqualTo(200);
			assertThat(read.json()).isEqualTo(created);
		}

		@Test
		void shouldAllowEmptyTextWithMediaAndKeepMediaIdsAsGiven() {
			long author = Api.newUser();
			long first = StubMediaService.INSTANCE.upload(author);
			long second = StubMediaService.INSTANCE.upload(author);
			long third = StubMediaService.INSTANCE.upload(author);
			JsonNode created = api.create(author, "{\"text\":\"\",\"mediaIds\":[\"" + first + "\",\"" + second + "\",\""
					+ first + "\",\"" + third + "\"]}");
			assertThat(created.get("media").valueStream().map((media) -> media.get("id").asString())).containsExactly(
					Long.toString(first), Long.toString(second), Long.toString(first), Long.toString(third));
			assertThat(created.get("text").asString()).isEmpty();
		}

		@Test
		void shouldCountCodePointsAfterNormalisation() {
			String emoji = "\uD83D\uDE00".repeat(280);
			assertThat(api.post("/api/v1/posts", Api.newUser(), Api.text(emoji)).status()).isEqualTo(201);
			String decomposed = "e\u0301".repeat(280);
			JsonNode created = api.create(Api.newUser(), Api.text(decomposed));
			assertThat(created.get("text").asString()).isEqualTo("\u00e9".repeat(280));
		}

		@Test
		void shouldCreateRepliesAndListThemOldestFirst() {
			long author = Api.newUser();
			String parent = api.create(author, Api.text("parent")).get("id").asString();
			List<String> replies = new ArrayList<>();
			for (int i = 0; i < 3; i++) {
				JsonNode reply = api.create(Api.newUser(),
						"{\"text\":\"reply " + i + "\",\"replyTo\":\"" + parent + "\"}");
				assertThat(reply.get("replyTo").asString()).isEqualTo(parent);
				replies.add(reply.get("id").asString());
			}
			assertThat(api.get("/api/v1/posts/" + parent, author).json().get("counts").get("replies").asLong())
				.isEqualTo(3);
			Response first = api.get("/api/v1/posts/" + parent + "/replies?limit=2", author);
			assertThat(ids(first.json())).containsExactly(replies.get(0), replies.get(1));
			String cursor = first.json().get("nextCursor").asString();
			Response second = api.get("/api/v1/posts/" + parent + "/replies?limit=2&cursor=" + cursor, author);
			assertThat(ids(second.json())).containsExactly(replies.get(2));
			assertThat(second.json().get("nextCursor").isNull()).isTrue();
		}

		@Test
		void shouldQuoteAnExistingPost() {
			String quoted = api.create(Api.newUser(), Api.text("quoted")).get("id").asString();
			JsonNode quote = api.create(Api.newUser(), "{\"text\":\"look\",\"quoteOf\":\"" + quoted + "\"}");
			assertThat(quote.get("quoteOf").asString()).isEqualTo(quoted);
		}

	}

	@Nested
	class Authors {

		@Test
		void shouldShowEachAuthorWithHandleAndDisplayNameAsUserServiceDescribesThem() {
			long author = Api.newUser();
			long reposter = Api.newUser();
			StubUserService.INSTANCE.register("writer_" + author, author);
			StubUserService.INSTANCE.register("sharer_" + reposter, reposter);
			JsonNode created = api.create(author, Api.text("who wrote this?"));
			assertThat(created.get("author").get("handle").asString()).isEqualTo("writer_" + author);
			assertThat(created.get("author").get("displayName").asString()).isEqualTo("WRITER_" + author);
			assertThat(created.get("author").get("avatarUrl").isNull()).isTrue();

			String id = created.get("id").asString();
			assertThat(api.post("/api/v1/posts/" + id + "/repost", reposter, null).status()).isEqualTo(204);
			JsonNode entry = api.get("/api/v1/users/" + reposter + "/posts", reposter).json().get("items").get(0);
			assertThat(entry.get("author").get("handle").asString()).isEqualTo("sharer_" + reposter);
			assertThat(entry.get("reposted").get("author").get("handle").asString()).isEqualTo("writer_" + author);
			assertThat(StubUserService.INSTANCE.batchAuthorizations()).isNotEmpty()
				.allMatch((value) -> value.startsWith("Bearer ") && !value.equals("Bearer " + Api.token(author)));
		}

		@Test
		void shouldStillShowThePostWithItsAuthorsIdWhenUserServiceCannotAnswer() {
			long author = Api.newUser();
			StubUserService.INSTANCE.register("unlucky_" + author, author);
			StubUserService.INSTANCE.failBatches(true);
			try {
				JsonNode created = api.create(author, Api.text("posted while profiles are down"));
				assertThat(created.get("author").get("id").asString()).isEqualTo(Long.toString(author));
				assertThat(created.get("author").get("handle").asString()).isEmpty();
				Response read = api.get("/api/v1/posts/" + created.get("id").asString(), Api.newUser());
				assertThat(read.status()).isEqualTo(200);
				assertThat(read.json().get("text").asString()).isEqualTo("posted while profiles are down");
			}
			finally {
				StubUserService.INSTANCE.failBatches(false);
			}
		}

	}

	@Nested
	class Deleting {

		@Test
		void shouldLetTheAuthorDeleteAndAnswer404FromThenOn() {
			long author = Api.newUser();
			String id = api.create(author, Api.text("short-lived")).get("id").asString();
			assertThat(api.delete("/api/v1/posts/" + id, author).status()).isEqualTo(204);
			assertProblem(api.get("/api/v1/posts/" + id, author), 404, "post-not-found");
			assertProblem(api.delete("/api/v1/posts/" + id, author), 404, "post-not-found");
			assertProblem(api.post("/api/v1/posts/" + id + "/like", author, null), 404, "post-not-found");
			assertThat(ids(api.get("/api/v1/users/" + author + "/posts", author).json())).doesNotContain(id);
		}

		@Test
		void shouldForbidDeletingSomeoneElsesPost() {
			long author = Api.newUser();
			String id = api.create(author, Api.text("mine")).get("id").asString();
			assertProblem(api.delete("/api/v1/posts/" + id, Api.newUser()), 403, "forbidden");
			assertThat(api.get("/api/v1/posts/" + id, author).status()).isEqualTo(200);
		}

		@Test
		void shouldDropADeletedReplyFromItsParent() {
			long author = Api.newUser();
			String parent = api.create(author, Api.text("parent")).get("id").asString();
			long replier = Api.newUser();
			String reply = api.create(replier, "{\"text\":\"oops\",\"replyTo\":\"" + parent + "\"}")
				.get("id")
				.asString();
			assertThat(api.delete("/api/v1/posts/" + reply, replier).status()).isEqualTo(204);
			JsonNode parentPost = api.get("/api/v1/posts/" + parent, author).json();
			assertThat(parentPost.get("counts").get("replies").asLong()).isZero();
			assertThat(ids(api.get("/api/v1/posts/" + parent + "/replies", author).json())).isEmpty();
		}

	}

	@Nested
	class LikesAndReposts {

		@Test
		void shouldLikeAndUnlikeIdempotently() {
			long author = Api.newUser();
			long fan = Api.newUser();
			String id = api.create(author, Api.text("like me")).get("id").asString();
			assertThat(api.post("/api/v1/posts/" + id + "/like", fan, null).status()).isEqualTo(204);
			assertThat(api.post("/api/v1/posts/" + id + "/like", fan, null).status()).isEqualTo(204);
			JsonNode seenByFan = api.get("/api/v1/posts/" + id, fan).json();
			assertThat(seenByFan.get("counts").get("likes").asLong()).isEqualTo(1);
			assertThat(seenByFan.get("viewer").get("liked").asBoolean()).isTrue();
			assertThat(api.get("/api/v1/posts/" + id, author).json().get("viewer").get("liked").asBoolean()).isFalse();
			assertThat(api.delete("/api/v1/posts/" + id + "/like", fan).status()).isEqualTo(204);
			assertThat(api.delete("/api/v1/posts/" + id + "/like", fan).status()).isEqualTo(204);
			JsonNode after = api.get("/api/v1/posts/" + id, fan).json();
			assertThat(after.get("counts").get("likes").asLong()).isZero();
			assertThat(after.get("viewer").get("liked").asBoolean()).isFalse();
		}

		@Test
		void shouldPutARepostOnTheRepostersTimelineAndTakeItBack() {
			long author = Api.newUser();
			long reposter = Api.newUser();
			String id = api.create(author, Api.text("worth sharing")).get("id").asString();
			assertThat(api.post("/api/v1/posts/" + id + "/repost", reposter, null).status()).isEqualTo(204);
			assertThat(api.post("/api/v1/posts/" + id + "/repost", reposter, null).status()).isEqualTo(204);
			JsonNode timeline = api.get("/api/v1/users/" + reposter + "/posts", reposter).json();
			assertThat(timeline.get("items").size()).isEqualTo(1);
			JsonNode entry = timeline.get("items").get(0);
			assertThat(entry.get("repostOf").asString()).isEqualTo(id);
			assertThat(entry.get("author").get("id").asString()).isEqualTo(Long.toString(reposter));
			assertThat(entry.get("reposted").get("id").asString()).isEqualTo(id);
			assertThat(entry.get("reposted").get("text").asString()).isEqualTo("worth sharing");
			assertThat(entry.get("viewer").get("reposted").asBoolean()).isTrue();
			JsonNode original = api.get("/api/v1/posts/" + id, reposter).json();
			assertThat(original.get("counts").get("reposts").asLong()).isEqualTo(1);
			assertThat(original.get("viewer").get("reposted").asBoolean()).isTrue();

			assertThat(api.delete("/api/v1/posts/" + id + "/repost", reposter).status()).isEqualTo(204);
			assertThat(api.delete("/api/v1/posts/" + id + "/repost", reposter).status()).isEqualTo(204);
			assertThat(ids(api.get("/api/v1/users/" + reposter + "/posts", reposter).json())).isEmpty();
			JsonNode after = api.get("/api/v1/posts/" + id, reposter).json();
			assertThat(after.get("counts").get("reposts").asLong()).isZero();
			assertThat(after.get("viewer").get("reposted").asBoolean()).isFalse();
		}

		@Test
		void shouldKeepCountsExactUnderConcurrentLikes() throws Exception {
			long author = Api.newUser();
			String id = api.create(author, Api.text("popular")).get("id").asString();
			List<Long> fans = IntStream.range(0, 50).mapToObj((i) -> Api.newUser()).toList();
			List<Integer> statuses = inParallel(
					fans.stream().map((fan) -> (Callable<Integer>) () -> likeStatus(id, fan)).toList());
			assertThat(statuses).containsOnly(204);
			assertThat(api.get("/api/v1/posts/" + id, author).json().get("counts").get("likes").asLong()).isEqualTo(50);

			long eager = Api.newUser();
			List<Integer> repeated = inParallel(
					IntStream.range(0, 10).mapToObj((i) -> (Callable<Integer>) () -> likeStatus(id, eager)).toList());
			assertThat(repeated).containsOnly(204);
			assertThat(api.get("/api/v1/posts/" + id, author).json().get("counts").get("likes").asLong()).isEqualTo(51);
			await().atMost(Duration.ofSeconds(30))
				.untilAsserted(() -> assertThat(PostEvents.get().of(PostLiked.class))
					.filteredOn((liked) -> Long.toString(liked.postId()).equals(id))
					.hasSize(51));
			assertThat(PostEvents.get().of(PostLiked.class)).filteredOn((liked) -> liked.userId() == eager).hasSize(1);

			List<Integer> unliked = inParallel(IntStream.range(0, 10)
				.mapToObj((i) -> (Callable<Integer>) () -> api.delete("/api/v1/posts/" + id + "/like", eager).status())
				.toList());
			assertThat(unliked).containsOnly(204);
			assertThat(api.get("/api/v1/posts/" + id, author).json().get("counts").get("likes").asLong()).isEqualTo(50);
		}

		@Test
		void shouldRecordOneRepostUnderConcurrentDuplicateReposts() throws Exception {
			long author = Api.newUser();
			long reposter = Api.newUser();
			String id = api.create(author, Api.text("share me once")).get("id").asString();
			List<Integer> statuses = inParallel(IntStream.range(0, 10)
				.mapToObj((i) -> (Callable<Integer>) () -> api.post("/api/v1/posts/" + id + "/repost", reposter, null)
					.status())
				.toList());
			assertThat(statuses).containsOnly(204);
			assertThat(api.get("/api/v1/posts/" + id, author).json().get("counts").get("reposts").asLong())
				.isEqualTo(1);
			JsonNode timeline = api.get("/api/v1/users/" + reposter + "/posts", reposter).json();
			assertThat(timeline.get("items").size()).isEqualTo(1);
			await().atMost(Duration.ofSeconds(30))
				.untilAsserted(() -> assertThat(PostEvents.get().of(PostReposted.class))
					.filteredOn((reposted) -> reposted.reposterId() == reposter)
					.singleElement()
					.satisfies((reposted) -> assertThat(Long.toString(reposted.repostId()))
						.isEqualTo(timeline.get("items").get(0).get("id").asString())));
		}

		private int likeStatus(String id, long fan) {
			return api.post("/api/v1/posts/" + id + "/like", fan, null).status();
		}

	}

	@Nested
	class BatchReads {

		@Test
		void shouldReadManyPostsAtOnceWithTheViewersState() {
			long author = Api.newUser();
			long viewer = Api.newUser();
			List<String> ids = new ArrayList<>();
			for (int i = 0; i < 5; i++) {
				ids.add(api.create(author, Api.text("batch " + i)).get("id").asString());
			}
			api.post("/api/v1/posts/" + ids.get(1) + "/like", viewer, null);
			api.post("/api/v1/posts/" + ids.get(3) + "/repost", viewer, null);
			String deleted = ids.get(4);
			api.delete("/api/v1/posts/" + deleted, author);
			List<String> asked = new ArrayList<>(List.of(ids.get(3), "999", ids.get(1), ids.get(0), deleted));
			Response response = api.post("/internal/posts/batch", viewer,
					"{\"ids\":[" + String.join(",", asked.stream().map((id) -> "\"" + id + "\"").toList()) + "]}");
			assertThat(response.status()).isEqualTo(200);
			JsonNode items = response.json().get("items");
			assertThat(ids(response.json())).containsExactly(ids.get(3), ids.get(1), ids.get(0));
			assertThat(items.get(0).get("viewer").get("reposted").asBoolean()).isTrue();
			assertThat(items.get(1).get("viewer").get("liked").asBoolean()).isTrue();
			assertThat(items.get(1).get("counts").get("likes").asLong()).isEqualTo(1);
			assertThat(items.get(2).get("viewer").get("liked").asBoolean()).isFalse();
		}

		@Test
		void shouldReadTwoHundredPosts() {
			long author = Api.newUser();
			List<String> ids = new ArrayList<>();
			for (int i = 0; i < 20; i++) {
				ids.add(api.create(author, Api.text("many " + i)).get("id").asString());
			}
			List<String> asked = new ArrayList<>();
			for (int i = 0; i < 200; i++) {
				asked.add((i < ids.size()) ? ids.get(i) : Long.toString(1_000_000 + i));
			}
			Response response = api.post("/internal/posts/batch", author,
					"{\"ids\":[" + String.join(",", asked.stream().map((id) -> "\"" + id + "\"").toList()) + "]}");
			assertThat(response.status()).isEqualTo(200);
			assertThat(ids(response.json())).containsExactlyElementsOf(ids);
		}

	}

	@Nested
	class Events {

		@Test
		void shouldPublishEveryChangeWithItsTypeKeyedByThePostsAuthor() {
			long author = Api.newUser();
			long fan = Api.newUser();
			JsonNode post = api.create(author, Api.text("eventful #Kafka"));
			long id = post.get("id").asLong();
			String parentId = post.get("id").asString();
			JsonNode reply = api.create(fan, "{\"text\":\"answer\",\"replyTo\":\"" + parentId + "\"}");
			api.post("/api/v1/posts/" + id + "/like", fan, null);
			api.delete("/api/v1/posts/" + id + "/like", fan);
			api.post("/api/v1/posts/" + id + "/repost", fan, null);
			api.delete("/api/v1/posts/" + id + "/repost", fan);
			api.delete("/api/v1/posts/" + id, author);

			await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
				List<PostEvents.Received> about = PostEvents.get()
					.received()
					.stream()
					.filter((received) -> received.key().equals(Long.toString(author)))
					.toList();
				assertThat(about).extracting(PostEvents.Received::typeId)
					.containsExactly("post.created.v1", "post.liked.v1", "post.unliked.v1", "post.reposted.v1",
							"post.unreposted.v1", "post.deleted.v1");
			});
			PostCreated created = PostEvents.get()
				.of(PostCreated.class)
				.stream()
				.filter((event) -> event.postId() == id)
				.findFirst()
				.orElseThrow();
			assertThat(created.authorId()).isEqualTo(author);
			assertThat(created.text()).isEqualTo("eventful #Kafka");
			assertThat(created.hashtags()).containsExactly("kafka");
			assertThat(created.createdAt()).isEqualTo(Instant.parse(post.get("createdAt").asString()));
			PostCreated replyCreated = PostEvents.get()
				.of(PostCreated.class)
				.stream()
				.filter((event) -> event.postId() == reply.get("id").asLong())
				.findFirst()
				.orElseThrow();
			assertThat(replyCreated.replyToPostId()).isEqualTo(id);
			assertThat(replyCreated.replyToAuthorId()).isEqualTo(author);
			assertThat(PostEvents.get().received())
				.filteredOn((received) -> received.event() instanceof PostCreated event
						&& event.postId() == reply.get("id").asLong())
				.extracting(PostEvents.Received::key)
				.containsExactly(Long.toString(fan));
			PostLiked liked = single(PostLiked.class, id);
			assertThat(liked.userId()).isEqualTo(fan);
			assertThat(liked.postAuthorId()).isEqualTo(author);
			assertThat(single(PostUnliked.class, id).userId()).isEqualTo(fan);
			PostReposted reposted = single(PostReposted.class, id);
			assertThat(reposted.reposterId()).isEqualTo(fan);
			assertThat(single(PostUnreposted.class, id).repostId()).isEqualTo(reposted.repostId());
			assertThat(single(PostDeleted.class, id).authorId()).isEqualTo(author);
		}

		private <T extends io.murmur.events.post.PostEvent> T single(Class<T> type, long postId) {
			List<T> events = PostEvents.get().of(type).stream().filter((event) -> event.postId() == postId).toList();
			assertThat(events).hasSize(1);
			return events.get(0);
		}

	}

	@Nested
	class BadInput {

		static Stream<Arguments> badPosts() {
			return Stream.of(Arguments.of(Api.text("x".repeat(281)), "validation-failed", "text"),
					Arguments.of(Api.text(""), "validation-failed", "text"),
					Arguments.of(Api.text("   "), "validation-failed", "text"),
					Arguments.of("{}", "validation-failed", "text"),
					Arguments.of("{\"text\":\"a\",\"mediaIds\":[\"1\",\"2\",\"3\",\"4\",\"5\"]}", "validation-failed",
							"mediaIds"),
					Arguments.of("{\"text\":\"a\",\"mediaIds\":[\"x1\"]}", "validation-failed", "mediaIds[0]"),
					Arguments.of("{\"text\":\"a\",\"replyTo\":\"12345\"}", "validation-failed", "replyTo"),
					Arguments.of("{\"text\":\"a\",\"replyTo\":\"abc\"}", "validation-failed", "replyTo"),
					Arguments.of("{\"text\":\"a\",\"quoteOf\":\"-4\"}", "validation-failed", "quoteOf"),
					Arguments.of("{\"text\":\"a\",\"quoteOf\":\"777\"}", "validation-failed", "quoteOf"),
					Arguments.of("{\"text\":5}", "validation-failed", "text"),
					Arguments.of("{\"text\":\"a\"", "malformed-request", null),
					Arguments.of("[]", "malformed-request", null));
		}

		@ParameterizedTest
		@MethodSource("badPosts")
		void shouldRefuseABadPostWithAProblem(String body, String type, String field) {
			Response response = api.post("/api/v1/posts", Api.newUser(), body);
			assertProblem(response, 400, type);
			if (field != null) {
				assertThat(response.json().get("errors").toString()).contains("\"field\":\"" + field + "\"");
			}
		}

		static Stream<Arguments> badReads() {
			return Stream.of(Arguments.of("/api/v1/posts/abc", 400, "malformed-request"),
					Arguments.of("/api/v1/posts/99999999999999999999", 400, "malformed-request"),
					Arguments.of("/api/v1/posts/123", 404, "post-not-found"),
					Arguments.of("/api/v1/posts/123/replies", 404, "post-not-found"),
					Arguments.of("/api/v1/users/1/posts?limit=0", 400, "validation-failed"),
					Arguments.of("/api/v1/users/1/posts?limit=101", 400, "validation-failed"),
					Arguments.of("/api/v1/users/1/posts?limit=abc", 400, "malformed-request"),
					Arguments.of("/api/v1/users/1/posts?cursor=bm9wZQ", 400, "malformed-request"),
					Arguments.of("/api/v1/users/1/posts?cursor=!!!", 400, "malformed-request"),
					Arguments.of("/api/v1/users/x/posts", 400, "malformed-request"),
					Arguments.of("/api/v1/nothing-here", 404, "not-found"));
		}

		@ParameterizedTest
		@MethodSource("badReads")
		void shouldRefuseABadReadWithAProblem(String path, int status, String type) {
			assertProblem(api.get(path, Api.newUser()), status, type);
		}

		@Test
		void shouldRefuseTooLargeBatches() {
			String ids = String.join(",", IntStream.range(1, 202).mapToObj((i) -> "\"" + i + "\"").toList());
			assertProblem(api.post("/internal/posts/batch", Api.newUser(), "{\"ids\":[" + ids + "]}"), 400,
					"validation-failed");
			assertProblem(api.post("/internal/posts/batch", Api.newUser(), "{\"ids\":[\"x\"]}"), 400,
					"validation-failed");
		}

		@Test
		void shouldRequireAValidToken() {
			TestTokens tokens = StubUserService.INSTANCE.tokens;
			assertProblem(api.call("GET", "/api/v1/posts/1", null, null), 401, "unauthorized");
			assertProblem(api.call("POST", "/api/v1/posts", null, Api.text("hi")), 401, "unauthorized");
			assertProblem(api.call("POST", "/internal/posts/batch", null, "{\"ids\":[]}"), 401, "unauthorized");
			assertProblem(api.call("GET", "/api/v1/posts/1", "not-a-jwt", null), 401, "unauthorized");
			assertProblem(api.call("GET", "/api/v1/posts/1", tokens.expiredUser(5), null), 401, "unauthorized");
			assertProblem(api.call("GET", "/api/v1/posts/1", tokens.userForAudience(5, "other-api"), null), 401,
					"unauthorized");
			assertProblem(
					api.call(
							"GET", "/api/v1/posts/1", TestTokens.sign(TestTokens.newKey("test-key"), "5",
									TestTokens.ISSUER, TestTokens.AUDIENCE, null, Instant.now().plusSeconds(600)),
							null),
					401, "unauthorized");
			assertProblem(api.call("GET", "/api/v1/posts/1", TestTokens.sign(tokens.key(), "alice", TestTokens.ISSUER,
					TestTokens.AUDIENCE, null, Instant.now().plusSeconds(600)), null), 401, "unauthorized");
		}

		@Test
		void shouldServeABatchToAServiceWithoutViewerState() {
			long author = Api.newUser();
			String id = api.post("/api/v1/posts", author, Api.text("for the feed")).json().get("id").asString();
			api.call("POST", "/api/v1/posts/" + id + "/like", Api.token(author), null);
			String service = StubUserService.INSTANCE.tokens.service("feed-service");

			Response batch = api.call("POST", "/internal/posts/batch", service, "{\"ids\":[\"" + id + "\"]}");

			assertThat(batch.status()).as(batch.body()).isEqualTo(200);
			assertThat(batch.json().get("items").get(0).get("id").asString()).isEqualTo(id);
			assertThat(batch.json().get("items").get(0).get("viewer").get("liked").asBoolean()).isFalse();
			assertProblem(api.call("POST", "/api/v1/posts", service, Api.text("hi")), 403, "forbidden");
			assertProblem(api.call("GET", "/api/v1/posts/" + id, service, null), 403, "forbidden");
		}

		@Test
		void shouldRefuseAPostWhoseMentionsCannotBeResolved() {
			assertProblem(api.post("/api/v1/posts", Api.newUser(), Api.text("hi @broken_user")), 503,
					"service-unavailable");
		}

		@Test
		void shouldRefuseBodiesFarLargerThanAnyPost() {
			assertProblem(api.post("/api/v1/posts", Api.newUser(), Api.text("x".repeat(100_000))), 413,
					"payload-too-large");
		}

		@Test
		void shouldServeApiDocsWithoutAToken() {
			Response docs = api.call("GET", "/v3/api-docs", null, null);
			assertThat(docs.status()).isEqualTo(200);
			assertThat(docs.body()).contains("/api/v1/posts/{id}/like");
		}

		@Test
		void shouldServeHealthWithoutATokenOnTheManagementPortOnly() {
			Response readiness = new Api(managementPort).call("GET", "/actuator/health/readiness", null, null);
			assertThat(readiness.status()).isEqualTo(200);
			assertThat(readiness.body()).contains("UP");
			assertThat(api.call("GET", "/actuator/health/readiness", null, null).status()).isEqualTo(404);
		}

	}

	static void assertProblem(Response response, int status, String type) {
		assertThat(response.status()).as(response.body()).isEqualTo(status);
		assertThat(response.contentType()).as(response.body()).startsWith("application/problem+json");
		assertThat(response.json().path("type").asString()).as(response.body()).isEqualTo(PROBLEMS + type);
	}

	static List<String> ids(JsonNode page) {
		List<String> ids = new ArrayList<>();
		page.get("items").forEach((item) -> ids.add(item.get("id").asString()));
		return ids;
	}

	static <T> List<T> inParallel(List<Callable<T>> tasks) throws Exception {
		try (ExecutorService executor = Executors.newFixedThreadPool(tasks.size())) {
			List<Future<T>> futures = executor.invokeAll(tasks);
			List<T> results = new ArrayList<>();
			for (Future<T> future : futures) {
				results.add(future.get());
			}
			return results;
		}
	}

}
