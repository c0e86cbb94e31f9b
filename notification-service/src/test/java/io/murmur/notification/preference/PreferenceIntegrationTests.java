package io.murmur.notification.preference;

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
 * Preferences: which types arrive, and whether from people the user does not follow.
 */
class PreferenceIntegrationTests extends NotificationServiceTest {

	@Test
	void shouldReceiveEverythingFromEveryoneByDefault() {
		JsonNode preferences = api.get("/api/v1/notifications/preferences", newUser().token()).json();

		assertThat(preferences.get("types").values()).extracting(JsonNode::asString)
			.containsExactly("follow", "like", "repost", "reply", "mention", "quote");
		assertThat(preferences.get("fromNotFollowed").asBoolean()).isTrue();
	}

	@Test
	void shouldNotStoreTheTypesTurnedOff() {
		User ana = newUser();
		Response saved = api.put("/api/v1/notifications/preferences",
				"{\"types\":[\"follow\",\"mention\"],\"fromNotFollowed\":true}", ana.token());
		assertThat(saved.status()).isEqualTo(200);
		assertThat(saved.json().get("types").values()).extracting(JsonNode::asString)
			.containsExactly("follow", "mention");

		events.like(Events.newId(), ana.id(), newUser().id());
		events.post(Events.newId(), newUser().id(), null, null, null, List.of(ana.id()));
		events.follow(newUser().id(), ana.id());

		await().atMost(Duration.ofSeconds(30)).until(() -> api.items("", ana.token()).size() == 2);
		assertThat(api.items("", ana.token())).extracting((item) -> item.get("type").asString())
			.containsExactlyInAnyOrder("mention", "follow");
	}

	@Test
	void shouldLeaveOutPeopleTheUserDoesNotFollowWhenAskedTo() {
		User ana = newUser();
		User friend = newUser();
		User stranger = newUser();
		others.follow(ana.id(), friend.id());
		api.put("/api/v1/notifications/preferences", "{\"types\":[\"like\"],\"fromNotFollowed\":false}", ana.token());
		long post = Events.newId();

		events.like(post, ana.id(), stranger.id());
		events.like(post, ana.id(), friend.id());

		await().atMost(Duration.ofSeconds(30)).until(() -> api.items("grouped=false", ana.token()).size() == 1);
		await().during(Duration.ofSeconds(1))
			.atMost(Duration.ofSeconds(3))
			.until(() -> api.items("grouped=false", ana.token()).size() == 1);
		assertThat(api.items("grouped=false", ana.token()).get(0).get("actors").get(0).get("id").asString())
			.isEqualTo(Long.toString(friend.id()));
		assertThat(api.get("/api/v1/notifications/preferences", ana.token()).json().get("fromNotFollowed").asBoolean())
			.isFalse();
	}

	@Test
	void shouldRefuseUnknownTypesAndMissingFields() {
		User ana = newUser();
		for (String body : List.of("{\"types\":[\"poke\"],\"fromNotFollowed\":true}",
				"{\"types\":[\"push_disabled\"],\"fromNotFollowed\":true}", "{\"types\":[\"like\"]}",
				"{\"fromNotFollowed\":true}", "{\"types\":\"like\",\"fromNotFollowed\":true}")) {
			Response response = api.put("/api/v1/notifications/preferences", body, ana.token());
			assertThat(response.status()).as(body).isEqualTo(400);
			assertThat(response.contentType()).startsWith("application/problem+json");
		}
	}

}
