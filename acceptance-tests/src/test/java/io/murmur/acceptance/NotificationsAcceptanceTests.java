package io.murmur.acceptance;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import io.murmur.acceptance.Api.Account;
import io.murmur.acceptance.Api.Response;
import io.murmur.reliability.http.EventStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Notifications through the gateway, with notification-service consuming the real events
 * of graph-service and post-service: each kind, grouping, the unread count, the live
 * stream across two replicas, and webhooks. The fifty likers of the coalescing test are
 * people the tests sign tokens for with user-service's key, rather than accounts
 * registered one password hash at a time.
 */
class NotificationsAcceptanceTests {

	static final String STREAM = "/api/v1/notifications/stream";

	final MurmurPlatform platform = MurmurPlatform.get();

	final Api api = new Api(this.platform.gatewayUrl());

	@Nested
	class EachKind {

		@Test
		void shouldTellBOfAFollowAReplyAMentionAndAQuoteByA() {
			Account a = api.newAccount();
			Account b = api.newAccount();
			String bobsPost = post(b, "Something to talk about", null, null);

			follow(a, b);
			post(a, "I agree", bobsPost, null);
			post(a, "Hello @" + b.handle(), null, null);
			post(a, "Worth reading", null, bobsPost);

			List<JsonNode> items = await().atMost(Duration.ofSeconds(20))
				.until(() -> items(b, "grouped=false"), (found) -> found.size() == 4);
			assertThat(items).extracting((item) -> item.get("type").asString())
				.containsExactlyInAnyOrder("follow", "reply", "mention", "quote");
			assertThat(items).allSatisfy(
					(item) -> assertThat(item.get("actors").get(0).get("handle").asString()).isEqualTo(a.handle()));
			assertThat(ofType(items, "reply").get("targetPostId").asString()).isEqualTo(bobsPost);
			assertThat(ofType(items, "reply").get("post").get("text").asString()).isEqualTo("I agree");
			assertThat(ofType(items, "quote").get("targetPostId").asString()).isEqualTo(bobsPost);
			assertThat(ofType(items, "mention").get("post").get("text").asString()).isEqualTo("Hello @" + b.handle());
		}

		private JsonNode ofType(List<JsonNode> items, String type) {
			return items.stream().filter((item) -> item.get("type").asString().equals(type)).findFirst().orElseThrow();
		}

	}

	@Nested
	class Grouping {

		@Test
		void shouldGroupThreeLikesIgnoreASelfLikeAndTakeAnUnlikeOut() {
			Account b = api.newAccount();
			String post = post(b, "Like me", null, null);
			List<Account> fans = List.of(api.newAccount(), api.newAccount(), api.newAccount());
			like(b, post);
			fans.forEach((fan) -> like(fan, post));

			JsonNode group = await().atMost(Duration.ofSeconds(20))
				.until(() -> items(b, ""), (found) -> found.size() == 1 && found.get(0).get("count").asInt() == 3)
				.get(0);
			assertThat(group.get("type").asString()).isEqualTo("like");
			assertThat(group.get("post").get("id").asString()).isEqualTo(post);
			assertThat(handles(group)).containsExactlyInAnyOrder(fans.get(0).handle(), fans.get(1).handle(),
					fans.get(2).handle());

			assertThat(api.delete("/api/v1/posts/" + post + "/like", fans.get(1).accessToken()).status())
				.isEqualTo(204);

			JsonNode after = await().atMost(Duration.ofSeconds(20))
				.until(() -> items(b, ""), (found) -> found.get(0).get("count").asInt() == 2)
				.get(0);
			assertThat(handles(after)).containsExactlyInAnyOrder(fans.get(0).handle(), fans.get(2).handle());
		}

	}

	@Nested
	class Unread {

		@Test
		void shouldCountWhatIsUnreadAndReachZeroAfterRead() {
			Account b = api.newAccount();
			follow(api.newAccount(), b);
			follow(api.newAccount(), b);
			post(api.newAccount(), "Hi @" + b.handle(), null, null);

			await().atMost(Duration.ofSeconds(20)).until(() -> unread(b) == 3);
			String newest = items(b, "").get(0).get("id").asString();
			Response read = api.post("/api/v1/notifications/read", "{\"upTo\":\"" + newest + "\"}", b.accessToken());

			assertThat(read.status()).isEqualTo(200);
			assertThat(read.json().get("count").asLong()).isZero();
			assertThat(unread(b)).isZero();
		}

	}

	@Nested
	class Live {

		@Test
		void shouldStreamALikeWithinTwoSecondsAndResumeWithExactlyWhatWasMissed() {
			Account b = api.newAccount();
			String post = post(b, "Live", null, null);
			String first;
			try (EventStream stream = EventStream.open(platform.gatewayUrl() + STREAM, b.accessToken(), null)) {
				assertThat(stream.status()).isEqualTo(200);
				await().atMost(Duration.ofSeconds(10)).until(() -> stream.lastUnread() == 0);

				like(api.newAccount(), post);
				Instant liked = Instant.now();

				await().atMost(Duration.ofSeconds(2)).until(() -> stream.notifications().size() == 1);
				assertThat(Duration.between(liked, Instant.now())).isLessThan(Duration.ofSeconds(2));
				first = stream.notifications().get(0).id();
				assertThat(stream.notifications().get(0).json().get("type").asString()).isEqualTo("like");
			}

			follow(api.newAccount(), b);
			post(api.newAccount(), "Hey @" + b.handle(), null, null);
			List<String> missed = await().atMost(Duration.ofSeconds(20))
				.until(() -> items(b, "grouped=false"), (found) -> found.size() == 3)
				.subList(0, 2)
				.stream()
				.map((item) -> item.get("id").asString())
				.toList()
				.reversed();

			try (EventStream resumed = EventStream.open(platform.gatewayUrl() + STREAM, b.accessToken(), first)) {
				await().atMost(Duration.ofSeconds(5)).until(() -> resumed.notifications().size() >= 2);
				await().during(Duration.ofSeconds(1))
					.atMost(Duration.ofSeconds(3))
					.until(() -> resumed.notifications().size() == 2);
				assertThat(resumed.notifications()).extracting(EventStream.Event::id).isEqualTo(missed);
			}
		}

		@Test
		void shouldStreamFromOneReplicaANotificationTheOtherReplicaConsumed() {
			Account b = api.newAccount();
			String post = post(b, "Across replicas", null, null);
			try (EventStream stream = EventStream.open(platform.strictGatewayUrl() + STREAM, b.accessToken(), null)) {
				assertThat(stream.status()).isEqualTo(200);
				await().atMost(Duration.ofSeconds(10)).until(() -> stream.lastUnread() == 0);

				like(api.newAccount(), post);

				await().atMost(Duration.ofSeconds(5)).until(() -> stream.notifications().size() == 1);
				await().atMost(Duration.ofSeconds(5)).until(() -> stream.lastUnread() == 1);
			}
		}

	}

	@Nested
	class Push {

		@Test
		void shouldDeliverANotificationWhoseSignatureVerifies() {
			Account b = api.newAccount();
			try (WebhookReceiver receiver = new WebhookReceiver()) {
				String secret = register(b, receiver.url()).json().get("secret").asString();

				follow(api.newAccount(), b);

				WebhookReceiver.Delivery delivery = await().atMost(Duration.ofSeconds(20))
					.until(receiver::deliveries, (found) -> !found.isEmpty())
					.get(0);
				assertThat(delivery.signature()).isEqualTo(sign(secret, delivery));
				assertThat(Api.json.readTree(delivery.body()).get("data").get("type").asString()).isEqualTo("follow");
			}
		}

		@Test
		void shouldDeliverOnceAfterTheReceiverWasDownForThirtySeconds() {
			Account b = api.newAccount();
			try (WebhookReceiver receiver = new WebhookReceiver()) {
				register(b, receiver.url());
				receiver.stop();

				follow(api.newAccount(), b);
				await().during(Duration.ofSeconds(30))
					.atMost(Duration.ofSeconds(35))
					.until(() -> receiver.deliveries().isEmpty());
				receiver.start();

				await().atMost(MurmurPlatform.PUSH_MAX_BACKOFF.plusSeconds(10))
					.until(() -> receiver.deliveries().size() == 1);
				await().during(MurmurPlatform.PUSH_MAX_BACKOFF)
					.atMost(MurmurPlatform.PUSH_MAX_BACKOFF.plusSeconds(2))
					.until(() -> receiver.deliveries().size() == 1);
			}
		}

		@Test
		void shouldCoalesceFiftyLikesWithinASecondIntoAHandfulOfDeliveries() throws Exception {
			Account b = api.newAccount();
			String post = post(b, "Going viral", null, null);
			try (WebhookReceiver receiver = new WebhookReceiver();
					ExecutorService likers = Executors.newVirtualThreadPerTaskExecutor()) {
				register(b, receiver.url());
				List<Future<Integer>> likes = new ArrayList<>();
				long firstLiker = 9_000_000_000L + System.currentTimeMillis() % 1_000_000_000L;
				for (int i = 0; i < 50; i++) {
					String liker = Tokens.sign(platform.signingKey(), Long.toString(firstLiker + i), Tokens.AUDIENCE,
							Instant.now().plus(Duration.ofMinutes(15)));
					likes.add(likers.submit(() -> api.post("/api/v1/posts/" + post + "/like", null, liker).status()));
				}
				for (Future<Integer> like : likes) {
					assertThat(like.get()).isEqualTo(204);
				}

				await().atMost(Duration.ofSeconds(30))
					.until(() -> !receiver.deliveries().isEmpty() && lastCount(receiver) == 50);
				await().during(Duration.ofSeconds(3))
					.atMost(Duration.ofSeconds(5))
					.until(() -> lastCount(receiver) == 50);
				assertThat(receiver.deliveries()).hasSizeLessThanOrEqualTo(5);
			}
		}

		private int lastCount(WebhookReceiver receiver) {
			List<WebhookReceiver.Delivery> deliveries = receiver.deliveries();
			return Api.json.readTree(deliveries.get(deliveries.size() - 1).body()).get("data").get("count").asInt();
		}

	}

	@Nested
	class BadInput {

		@Test
		void shouldAnswerEachWith400ProblemJson() {
			Account a = api.newAccount();
			List<Response> responses = List.of(api.get("/api/v1/notifications?cursor=not-a-cursor", a.accessToken()),
					api.get("/api/v1/notifications?types=like,poke", a.accessToken()),
					api.send("PUT", "/api/v1/notifications/push", "{\"url\":\"ftp://example.com/hook\"}",
							a.accessToken()),
					api.send("PUT", "/api/v1/notifications/push", "{\"url\":\"http://10.0.0.8/hook\"}",
							a.accessToken()),
					api.send("PUT", "/api/v1/notifications/push", "{\"url\":\"http://169.254.169.254/hook\"}",
							a.accessToken()),
					api.post("/api/v1/notifications/read", "{\"upTo\":\"latest\"}", a.accessToken()));
			assertThat(responses).allSatisfy((response) -> {
				assertThat(response.status()).as(response.body()).isEqualTo(400);
				assertThat(response.contentType()).startsWith("application/problem+json");
				assertThat(response.json().get("type").asString()).endsWith("/validation-failed");
			});
		}

	}

	private String post(Account author, String text, String replyTo, String quoteOf) {
		String body = "{\"text\":\"" + text + "\"" + ((replyTo != null) ? ",\"replyTo\":\"" + replyTo + "\"" : "")
				+ ((quoteOf != null) ? ",\"quoteOf\":\"" + quoteOf + "\"" : "") + "}";
		Response created = api.post("/api/v1/posts", body, author.accessToken());
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("id").asString();
	}

	private void follow(Account follower, Account followee) {
		assertThat(api.post("/api/v1/users/" + followee.id() + "/follow", null, follower.accessToken()).status())
			.isEqualTo(204);
	}

	private void like(Account fan, String post) {
		assertThat(api.post("/api/v1/posts/" + post + "/like", null, fan.accessToken()).status()).isEqualTo(204);
	}

	private Response register(Account account, String url) {
		Response registered = api.send("PUT", "/api/v1/notifications/push", "{\"url\":\"" + url + "\"}",
				account.accessToken());
		assertThat(registered.status()).as(registered.body()).isEqualTo(200);
		return registered;
	}

	private List<JsonNode> items(Account account, String query) {
		Response page = api.get("/api/v1/notifications?" + query, account.accessToken());
		assertThat(page.status()).as(page.body()).isEqualTo(200);
		List<JsonNode> items = new ArrayList<>();
		page.json().get("items").forEach(items::add);
		return items;
	}

	private long unread(Account account) {
		return api.get("/api/v1/notifications/unread-count", account.accessToken()).json().get("count").asLong();
	}

	private static List<String> handles(JsonNode group) {
		List<String> handles = new ArrayList<>();
		group.get("actors").forEach((actor) -> handles.add(actor.get("handle").asString()));
		return handles;
	}

	/**
	 * The signature a receiver computes, as the Standard Webhooks specification says.
	 */
	private static String sign(String secret, WebhookReceiver.Delivery delivery) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
			return "v1," + Base64.getEncoder()
				.encodeToString(mac.doFinal((delivery.id() + "." + delivery.timestamp() + "." + delivery.body())
					.getBytes(StandardCharsets.UTF_8)));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
