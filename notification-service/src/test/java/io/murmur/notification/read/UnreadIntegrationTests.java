package io.murmur.notification.read;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import io.murmur.notification.Api.Response;
import io.murmur.notification.Events;
import io.murmur.notification.NotificationServiceTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The unread count and the read marker.
 */
class UnreadIntegrationTests extends NotificationServiceTest {

	@Test
	void shouldCountWhatIsUnreadAndReachZeroAfterReadingUpToTheNewest() {
		User ana = newUser();
		assertThat(count(ana)).isZero();
		for (int i = 0; i < 3; i++) {
			events.post(Events.newId(), newUser().id(), null, null, null, List.of(ana.id()));
		}
		await().atMost(Duration.ofSeconds(30)).until(() -> count(ana) == 3);
		List<JsonNode> items = api.items("", ana.token());
		assertThat(items).allSatisfy((item) -> assertThat(item.get("unread").asBoolean()).isTrue());

		Response read = read(ana, "\"" + items.get(1).get("id").asString() + "\"");
		assertThat(read.status()).isEqualTo(200);
		assertThat(read.json().get("count").asLong()).isOne();
		assertThat(read.json().get("readUpTo").asString()).isEqualTo(items.get(1).get("id").asString());
		assertThat(count(ana)).isOne();
		assertThat(api.items("", ana.token())).extracting((item) -> item.get("unread").asBoolean())
			.containsExactly(true, false, false);

		assertThat(read(ana, "\"" + items.get(0).get("id").asString() + "\"").json().get("count").asLong()).isZero();
		assertThat(count(ana)).isZero();
	}

	@Test
	void shouldNeverMoveTheMarkerBackNorPastTheNewestNotification() {
		User ana = newUser();
		events.post(Events.newId(), newUser().id(), null, null, null, List.of(ana.id()));
		events.post(Events.newId(), newUser().id(), null, null, null, List.of(ana.id()));
		await().atMost(Duration.ofSeconds(30)).until(() -> count(ana) == 2);
		List<JsonNode> items = api.items("", ana.token());
		String newest = items.get(0).get("id").asString();

		read(ana, "\"" + newest + "\"");
		Response back = read(ana, "\"" + items.get(1).get("id").asString() + "\"");
		assertThat(back.json().get("readUpTo").asString()).isEqualTo(newest);
		assertThat(back.json().get("count").asLong()).isZero();

		Response beyond = read(ana, "\"" + Long.MAX_VALUE + "\"");
		assertThat(beyond.json().get("readUpTo").asString()).isEqualTo(newest);
		events.post(Events.newId(), newUser().id(), null, null, null, List.of(ana.id()));
		await().atMost(Duration.ofSeconds(30)).until(() -> count(ana) == 1);
	}

	@Test
	void shouldCountDownWhenAnUnreadNotificationIsTakenBack() {
		User ana = newUser();
		User fan = newUser();
		long post = Events.newId();
		events.like(post, ana.id(), fan.id());
		events.like(post, ana.id(), newUser().id());
		await().atMost(Duration.ofSeconds(30)).until(() -> count(ana) == 2);

		events.unlike(post, ana.id(), fan.id());

		await().atMost(Duration.ofSeconds(30)).until(() -> count(ana) == 1);
	}

	@Test
	void shouldRefuseAnUpToThatIsNotAnId() {
		User ana = newUser();
		for (String upTo : List.of("\"abc\"", "\"-5\"", "\"0\"", "12", "null", "\"99999999999999999999\"")) {
			Response response = read(ana, upTo);
			assertThat(response.status()).as(upTo).isEqualTo(400);
			assertThat(response.contentType()).startsWith("application/problem+json");
			assertThat(response.json().get("type").asString()).endsWith("/validation-failed");
		}
		assertThat(api.post("/api/v1/notifications/read", "{}", ana.token()).status()).isEqualTo(400);
		assertThat(api.post("/api/v1/notifications/read", "not json", ana.token()).status()).isEqualTo(400);
	}

	private long count(User user) {
		return api.unread(user.token());
	}

	private Response read(User user, String upTo) {
		return api.post("/api/v1/notifications/read", "{\"upTo\":" + upTo + "}", user.token());
	}

}
