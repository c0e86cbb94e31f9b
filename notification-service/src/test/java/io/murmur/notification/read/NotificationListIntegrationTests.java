package io.murmur.notification.read;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import io.murmur.notification.Api.Response;
import io.murmur.notification.Events;
import io.murmur.notification.NotificationServiceTest;
import io.murmur.notification.OtherServices.Call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Reading notifications: grouping, filters, pages and hydration, as a client sees them.
 */
class NotificationListIntegrationTests extends NotificationServiceTest {

	@Nested
	class Grouping {

		@Test
		void shouldShowThreeLikesOfAPostAsOneGroupWithTheThreeProfilesAndTakeAnUnlikeOut() {
			User author = newUser();
			long post = Events.newId();
			others.post(post, author.id(), "Worth a like");
			List<User> fans = List.of(newUser(), newUser(), newUser());
			fans.forEach((fan) -> events.like(post, author.id(), fan.id()));

			JsonNode group = await().atMost(Duration.ofSeconds(30))
				.until(() -> api.items("", author.token()),
						(items) -> items.size() == 1 && items.get(0).get("count").asInt() == 3)
				.get(0);
			assertThat(group.get("type").asString()).isEqualTo("like");
			assertThat(group.get("post").get("text").asString()).isEqualTo("Worth a like");
			assertThat(handles(group)).containsExactly("user" + fans.get(2).id(), "user" + fans.get(1).id(),
					"user" + fans.get(0).id());
			assertThat(api.items("grouped=false", author.token())).hasSize(3);

			events.unlike(post, author.id(), fans.get(1).id());

			JsonNode after = await().atMost(Duration.ofSeconds(30))
				.until(() -> api.items("", author.token()), (items) -> items.get(0).get("count").asInt() == 2)
				.get(0);
			assertThat(handles(after)).containsExactly("user" + fans.get(2).id(), "user" + fans.get(0).id());
			assertThat(api.items("grouped=false", author.token())).hasSize(2);
		}

		@Test
		void shouldOpenANewGroupOnceTheWindowHasPassed() {
			User author = newUser();
			long post = Events.newId();
			events.like(post, author.id(), newUser().id());
			await().atMost(Duration.ofSeconds(30)).until(() -> api.items("", author.token()).size() == 1);

			clock.advance(Duration.ofHours(13));
			events.like(post, author.id(), newUser().id());
			events.like(post, author.id(), newUser().id());

			List<JsonNode> groups = await().atMost(Duration.ofSeconds(30))
				.until(() -> api.items("", author.token()),
						(items) -> items.size() == 2 && items.get(0).get("count").asInt() == 2);
			assertThat(groups.get(1).get("count").asInt()).isOne();
		}

		@Test
		void shouldGroupFollowsAndKeepLikesOfDifferentPostsApart() {
			User ana = newUser();
			events.follow(newUser().id(), ana.id());
			events.follow(newUser().id(), ana.id());
			events.like(Events.newId(), ana.id(), newUser().id());
			events.like(Events.newId(), ana.id(), newUser().id());

			List<JsonNode> groups = await().atMost(Duration.ofSeconds(30))
				.until(() -> api.items("", ana.token()), (items) -> items.size() == 3);
			assertThat(groups).extracting((group) -> group.get("type").asString())
				.containsExactlyInAnyOrder("follow", "like", "like");
			assertThat(groups.stream().filter((group) -> group.get("type").asString().equals("follow")).findFirst())
				.hasValueSatisfying((follows) -> assertThat(follows.get("count").asInt()).isEqualTo(2));
		}

	}

	@Nested
	class Filters {

		@Test
		void shouldListOnlyTheTypesAskedForAndNotTheExcludedOnes() {
			User ana = newUser();
			events.follow(newUser().id(), ana.id());
			events.like(Events.newId(), ana.id(), newUser().id());
			events.post(Events.newId(), newUser().id(), null, null, null, List.of(ana.id()));
			await().atMost(Duration.ofSeconds(30)).until(() -> api.items("", ana.token()).size() == 3);

			assertThat(types(api.items("types=like,mention", ana.token()))).containsExactlyInAnyOrder("like",
					"mention");
			assertThat(types(api.items("types=like&types=follow&grouped=false", ana.token())))
				.containsExactlyInAnyOrder("like", "follow");
			assertThat(types(api.items("excludeTypes=like", ana.token()))).containsExactlyInAnyOrder("follow",
					"mention");
			assertThat(api.items("types=like&excludeTypes=like", ana.token())).isEmpty();
		}

		@Test
		void shouldRefuseAnUnknownType() {
			User ana = newUser();
			Response response = api.get("/api/v1/notifications?types=like,poke", ana.token());

			assertThat(response.status()).isEqualTo(400);
			assertThat(response.contentType()).startsWith("application/problem+json");
			assertThat(response.json().get("type").asString()).endsWith("/validation-failed");
			assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("types[1]");
			assertThat(api.get("/api/v1/notifications?excludeTypes=poke", ana.token()).status()).isEqualTo(400);
		}

	}

	@Nested
	class Pages {

		@Test
		void shouldPageThroughEveryNotificationOnceNewestFirst() {
			User ana = newUser();
			List<String> posts = new ArrayList<>();
			for (int i = 0; i < 5; i++) {
				long reply = Events.newId();
				posts.add(0, Long.toString(reply));
				events.post(reply, newUser().id(), Events.newId(), ana.id(), null, List.of());
				long stored = i + 1;
				await().atMost(Duration.ofSeconds(30)).until(() -> unread(ana) == stored);
			}

			List<String> seen = new ArrayList<>();
			String cursor = null;
			int pages = 0;
			do {
				JsonNode page = api
					.get("/api/v1/notifications?limit=2" + ((cursor != null) ? "&cursor=" + cursor : ""), ana.token())
					.json();
				page.get("items").forEach((item) -> seen.add(item.get("post").get("id").asString()));
				cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asString();
				pages++;
			}
			while (cursor != null);

			assertThat(seen).isEqualTo(posts);
			assertThat(pages).isEqualTo(3);
		}

		@Test
		void shouldRefuseACursorItDidNotMake() {
			User ana = newUser();
			for (String cursor : List.of("garbage!", "bjphYmM", "bjow", "eDox")) {
				Response response = api.get("/api/v1/notifications?cursor=" + cursor, ana.token());
				assertThat(response.status()).as(cursor).isEqualTo(400);
				assertThat(response.contentType()).startsWith("application/problem+json");
				assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("cursor");
			}
			assertThat(api.get("/api/v1/notifications?limit=0", ana.token()).status()).isEqualTo(400);
			assertThat(api.get("/api/v1/notifications?limit=51", ana.token()).status()).isEqualTo(400);
			assertThat(api.get("/api/v1/notifications?grouped=maybe", ana.token()).status()).isEqualTo(400);
		}

	}

	@Nested
	class Hydration {

		@Test
		void shouldAskUserServiceAndPostServiceOnceEachPerPageWithTheServiceTokenThenKeepTheProfiles() {
			User ana = newUser();
			for (int i = 0; i < 4; i++) {
				events.post(Events.newId(), newUser().id(), Events.newId(), ana.id(), null, List.of());
			}
			events.like(Events.newId(), ana.id(), newUser().id());
			await().atMost(Duration.ofSeconds(30)).until(() -> unread(ana) == 5);
			int users = others.calls("/internal/users/batch").size();
			int posts = others.calls("/internal/posts/batch").size();

			List<JsonNode> items = api.items("", ana.token());

			assertThat(items).hasSize(5)
				.allSatisfy(
						(item) -> assertThat(item.get("actors").get(0).get("handle").asString()).startsWith("user"));
			List<Call> userCalls = others.calls("/internal/users/batch");
			assertThat(userCalls).hasSize(users + 1);
			assertThat(others.calls("/internal/posts/batch")).hasSize(posts + 1);
			assertThat(userCalls.get(userCalls.size() - 1).authorization()).startsWith("Bearer ");
			assertThat(tokens.serviceTokensIssued()).isPositive();

			assertThat(api.items("", ana.token())).hasSize(5);
			assertThat(others.calls("/internal/users/batch")).as("profiles kept").hasSize(users + 1);

		}

		@Test
		void shouldServeThePageWithIdsAloneWhenTheOtherServicesDoNotAnswer() {
			User ana = newUser();
			User bob = newUser();
			events.follow(bob.id(), ana.id());
			await().atMost(Duration.ofSeconds(30)).until(() -> unread(ana) == 1);
			others.down(true);

			Response page = api.get("/api/v1/notifications", ana.token());

			assertThat(page.status()).isEqualTo(200);
			JsonNode actor = page.json().get("items").get(0).get("actors").get(0);
			assertThat(actor.get("id").asString()).isEqualTo(Long.toString(bob.id()));
			assertThat(actor.get("handle").isNull()).isTrue();
		}

	}

	@Test
	void shouldRefuseARequestWithoutAUserToken() {
		Response response = api.send("GET", "/api/v1/notifications", null, null);

		assertThat(response.status()).isEqualTo(401);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(api.get("/api/v1/notifications", tokens.service("feed-service")).status()).isEqualTo(403);
	}

	private long unread(User user) {
		return api.get("/api/v1/notifications/unread-count", user.token()).json().get("count").asLong();
	}

	private static List<String> handles(JsonNode group) {
		List<String> handles = new ArrayList<>();
		group.get("actors").forEach((actor) -> handles.add(actor.get("handle").asString()));
		return handles;
	}

	private static List<String> types(List<JsonNode> items) {
		return items.stream().map((item) -> item.get("type").asString()).toList();
	}

}
