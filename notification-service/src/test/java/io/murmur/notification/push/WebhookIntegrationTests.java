package io.murmur.notification.push;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.murmur.events.post.PostLiked;
import io.murmur.notification.Api.Response;
import io.murmur.notification.Events;
import io.murmur.notification.NotificationServiceTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Webhooks: registration, signed and coalesced deliveries, retries, disabling, and the
 * refusal of URLs that point inside the network. The tests allow loopback addresses
 * ({@code 127.0.0.0/8}), as a development set-up would.
 */
class WebhookIntegrationTests extends NotificationServiceTest {

	private static final JsonMapper json = JsonMapper.builder().build();

	private WebhookReceiver receiver;

	@BeforeEach
	void startReceiver() {
		this.receiver = new WebhookReceiver();
	}

	@AfterEach
	void stopReceiver() {
		this.receiver.close();
	}

	@Nested
	class Registration {

		@Test
		void shouldReturnTheSecretOnceAndRemoveTheWebhook() {
			User ana = newUser();
			Response registered = register(ana, receiver.url(), null);
			assertThat(registered.status()).isEqualTo(200);
			assertThat(registered.json().get("secret").asString()).startsWith("whsec_");
			assertThat(registered.json().get("url").asString()).isEqualTo(receiver.url());
			assertThat(registered.json().get("types").isNull()).isTrue();

			Response described = api.get("/api/v1/notifications/push", ana.token());
			assertThat(described.json().get("enabled").asBoolean()).isTrue();
			assertThat(described.json().has("secret")).isFalse();
			assertThat(register(ana, receiver.url(), null).json().get("secret").asString())
				.isNotEqualTo(registered.json().get("secret").asString());

			assertThat(api.delete("/api/v1/notifications/push", ana.token()).status()).isEqualTo(204);
			assertThat(api.get("/api/v1/notifications/push", ana.token()).status()).isEqualTo(404);
			assertThat(api.delete("/api/v1/notifications/push", ana.token()).status()).isEqualTo(204);
		}

		@Test
		void shouldRefuseUrlsThatAreNotHttpOrPointInsideTheNetwork() {
			User ana = newUser();
			for (String url : List.of("ftp://example.com/hook", "javascript:alert(1)", "/relative/hook",
					"http://10.1.2.3/hook", "http://192.168.0.10/hook", "http://169.254.169.254/latest/meta-data",
					"http://[::1]:8080/hook", "http://0.0.0.0/hook", "http://user:secret@127.0.0.1/hook",
					"http://no-such-host.invalid/hook")) {
				Response response = register(ana, url, null);
				assertThat(response.status()).as(url).isEqualTo(400);
				assertThat(response.contentType()).startsWith("application/problem+json");
				assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("url");
			}
			assertThat(register(ana, receiver.url(), "[\"like\",\"poke\"]").status()).isEqualTo(400);
			assertThat(register(ana, receiver.url(), "[\"push_disabled\"]").status()).isEqualTo(400);
			assertThat(api.get("/api/v1/notifications/push", ana.token()).status()).isEqualTo(404);
		}

	}

	@Nested
	class Deliveries {

		@Test
		void shouldDeliverANotificationSignedSoThatTheSignatureVerifies() {
			User ana = newUser();
			String secret = register(ana, receiver.url(), null).json().get("secret").asString();
			User fan = newUser();

			events.like(Events.newId(), ana.id(), fan.id());

			WebhookReceiver.Delivery delivery = await().atMost(Duration.ofSeconds(10))
				.until(receiver::delivered, (delivered) -> !delivered.isEmpty())
				.get(0);
			assertThat(delivery.signature()).isEqualTo(expectedSignature(secret, delivery));
			assertThat(Long.parseLong(delivery.timestamp())).isCloseTo(Instant.now().getEpochSecond(),
					org.assertj.core.data.Offset.offset(60L));
			JsonNode body = json.readTree(delivery.text());
			assertThat(body.get("type").asString()).isEqualTo("notification");
			assertThat(body.get("data").get("type").asString()).isEqualTo("like");
			assertThat(body.get("data").get("actors").get(0).get("handle").asString()).isEqualTo("user" + fan.id());
		}

		@Test
		void shouldRetryWhileTheReceiverIsDownAndDeliverOnceWhenItIsBack() {
			User ana = newUser();
			register(ana, receiver.url(), null);
			receiver.answer(503);

			events.follow(newUser().id(), ana.id());
			await().atMost(Duration.ofSeconds(10)).until(() -> receiver.attempts().size() >= 3);
			receiver.answer(204);

			await().atMost(Duration.ofSeconds(10)).until(() -> receiver.delivered().size() == 1);
			await().during(Duration.ofSeconds(2))
				.atMost(Duration.ofSeconds(4))
				.until(() -> receiver.delivered().size() == 1);
			assertThat(receiver.attempts()).extracting(WebhookReceiver.Delivery::id)
				.containsOnly(receiver.delivered().get(0).id());
			assertThat(api.get("/api/v1/notifications/push", ana.token()).json().get("consecutiveFailures").asInt())
				.isZero();
		}

		@Test
		void shouldCoalesceFiftyLikesInOneSecondIntoAHandfulOfDeliveries() {
			User author = newUser();
			register(author, receiver.url(), null);
			long post = Events.newId();

			List<PostLiked> likes = new ArrayList<>();
			for (int i = 0; i < 50; i++) {
				likes.add(new PostLiked(UUID.randomUUID(), Instant.now(), post, author.id(), newUser().id()));
			}
			events.publishAll(likes);

			await().atMost(Duration.ofSeconds(30)).until(() -> !receiver.delivered().isEmpty() && lastCount() == 50);
			await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).until(() -> lastCount() == 50);
			assertThat(receiver.delivered()).hasSizeLessThanOrEqualTo(5);
		}

		@Test
		void shouldDeliverOnlyTheTypesTheWebhookTakes() {
			User ana = newUser();
			register(ana, receiver.url(), "[\"follow\"]");

			events.like(Events.newId(), ana.id(), newUser().id());
			events.follow(newUser().id(), ana.id());

			await().atMost(Duration.ofSeconds(10)).until(() -> !receiver.delivered().isEmpty());
			await().during(Duration.ofSeconds(1))
				.atMost(Duration.ofSeconds(3))
				.until(() -> receiver.delivered().size() == 1);
			assertThat(json.readTree(receiver.delivered().get(0).text()).get("data").get("type").asString())
				.isEqualTo("follow");
		}

		@Test
		void shouldDisableTheWebhookAfterTooManyFailuresInARowAndTellTheUser() {
			User ana = newUser();
			register(ana, receiver.url(), null);
			receiver.answer(500);

			events.follow(newUser().id(), ana.id());

			await().atMost(Duration.ofSeconds(30))
				.until(() -> !api.get("/api/v1/notifications/push", ana.token()).json().get("enabled").asBoolean());
			assertThat(receiver.attempts()).hasSize(8);
			assertThat(api.items("types=push_disabled", ana.token())).hasSize(1);
			await().during(Duration.ofSeconds(2))
				.atMost(Duration.ofSeconds(4))
				.until(() -> receiver.attempts().size() == 8);
		}

		private int lastCount() {
			List<WebhookReceiver.Delivery> delivered = receiver.delivered();
			return json.readTree(delivered.get(delivered.size() - 1).text()).get("data").get("count").asInt();
		}

	}

	private Response register(User user, String url, String types) {
		String body = "{\"url\":\"" + url + "\"" + ((types != null) ? ",\"types\":" + types : "") + "}";
		return api.put("/api/v1/notifications/push", body, user.token());
	}

	/**
	 * The signature as a receiver computes it with the Standard Webhooks scheme, written
	 * out here rather than taken from the service.
	 */
	private static String expectedSignature(String secret, WebhookReceiver.Delivery delivery) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
			byte[] signed = mac.doFinal((delivery.id() + "." + delivery.timestamp() + "." + delivery.text())
				.getBytes(StandardCharsets.UTF_8));
			return "v1," + Base64.getEncoder().encodeToString(signed);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
