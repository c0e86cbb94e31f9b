package io.murmur.notification.ingest;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import io.murmur.events.post.PostLiked;
import io.murmur.events.post.PostReposted;
import io.murmur.notification.Events;
import io.murmur.notification.NotificationServiceTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the consumed events do to users' notifications, read back through the API.
 */
class NotificationIngestIntegrationTests extends NotificationServiceTest {

	@Nested
	class EachKind {

		@Test
		void shouldTellTheFolloweeOfAFollow() {
			User ana = newUser();
			User bob = newUser();
			events.follow(ana.id(), bob.id());

			JsonNode item = awaitOne(bob);
			assertThat(item.get("type").asString()).isEqualTo("follow");
			assertThat(item.get("actors").get(0).get("id").asString()).isEqualTo(Long.toString(ana.id()));
			assertThat(item.get("actors").get(0).get("handle").asString()).isEqualTo("user" + ana.id());
			assertThat(item.get("post").isNull()).isTrue();
			assertThat(item.get("unread").asBoolean()).isTrue();
		}

		@Test
		void shouldTellTheAuthorOfALikeAndOfARepost() {
			User author = newUser();
			User fan = newUser();
			long post = Events.newId();
			others.post(post, author.id(), "Hello");
			events.like(post, author.id(), fan.id());
			events.repost(post, author.id(), fan.id());

			List<JsonNode> items = awaitItems(author, 2);
			assertThat(items).extracting((item) -> item.get("type").asString()).containsExactly("repost", "like");
			assertThat(items.get(1).get("post").get("id").asString()).isEqualTo(Long.toString(post));
			assertThat(items.get(1).get("post").get("text").asString()).isEqualTo("Hello");
		}

		@Test
		void shouldTellTheRepliedToAuthorTheMentionedAndTheQuotedAuthorOncePerPerson() {
			User bob = newUser();
			User carol = newUser();
			User dave = newUser();
			User ana = newUser();
			long bobsPost = Events.newId();
			long carolsPost = Events.newId();
			others.post(carolsPost, carol.id(), "Carol's thoughts");
			long reply = Events.newId();
			events.post(reply, ana.id(), bobsPost, bob.id(), carolsPost, List.of(bob.id(), carol.id(), dave.id()));

			JsonNode toBob = awaitOne(bob);
			assertThat(toBob.get("type").asString()).isEqualTo("reply");
			assertThat(toBob.get("post").get("id").asString()).isEqualTo(Long.toString(reply));
			assertThat(toBob.get("targetPostId").asString()).isEqualTo(Long.toString(bobsPost));
			JsonNode toCarol = awaitOne(carol);
			assertThat(toCarol.get("type").asString()).isEqualTo("quote");
			assertThat(toCarol.get("targetPostId").asString()).isEqualTo(Long.toString(carolsPost));
			assertThat(awaitOne(dave).get("type").asString()).isEqualTo("mention");
		}

		@Test
		void shouldTellNobodyOfAQuoteOfAPostThatIsGone() {
			User ana = newUser();
			User marker = newUser();
			events.post(Events.newId(), ana.id(), null, null, Events.newId(), List.of());
			events.post(Events.newId(), ana.id(), null, null, null, List.of(marker.id()));

			awaitOne(marker);
			assertThat(others.calls("/internal/posts/batch")).isNotEmpty();
			assertThat(api.items("grouped=false", ana.token())).isEmpty();
		}

	}

	@Nested
	class OwnActions {

		@Test
		void shouldNotTellAnyoneOfTheirOwnLikeReplyOrMention() {
			User ana = newUser();
			long post = Events.newId();
			events.like(post, ana.id(), ana.id());
			events.post(Events.newId(), ana.id(), post, ana.id(), null, List.of(ana.id()));
			events.like(post, ana.id(), newUser().id());

			await().atMost(Duration.ofSeconds(30)).until(() -> api.items("grouped=false", ana.token()).size() == 1);
			assertThat(api.items("grouped=false", ana.token()).get(0).get("type").asString()).isEqualTo("like");
			assertThat(api.unread(ana.token())).isOne();
		}

	}

	@Nested
	class Undoing {

		@Test
		void shouldTakeBackAnUnfollowAnUnlikeAndAnUndoneRepost() {
			User author = newUser();
			User fan = newUser();
			long post = Events.newId();
			events.follow(fan.id(), author.id());
			events.like(post, author.id(), fan.id());
			PostReposted repost = events.repost(post, author.id(), fan.id());
			awaitItems(author, 3);

			events.unfollow(fan.id(), author.id());
			events.unlike(post, author.id(), fan.id());
			events.unrepost(repost);

			await().atMost(Duration.ofSeconds(30)).until(() -> api.items("grouped=false", author.token()).isEmpty());
			assertThat(api.items("", author.token())).isEmpty();
			assertThat(api.unread(author.token())).isZero();
		}

		@Test
		void shouldTakeBackWhatADeletedPostCausedAndTheLikesOfIt() {
			User ana = newUser();
			User bob = newUser();
			User carol = newUser();
			long bobsPost = Events.newId();
			long reply = Events.newId();
			events.post(reply, ana.id(), bobsPost, bob.id(), null, List.of(carol.id()));
			events.like(reply, ana.id(), bob.id());
			awaitOne(bob);
			awaitOne(carol);
			awaitOne(ana);

			events.delete(reply, ana.id());

			await().atMost(Duration.ofSeconds(30))
				.until(() -> api.items("", bob.token()).isEmpty() && api.items("", carol.token()).isEmpty()
						&& api.items("", ana.token()).isEmpty());
		}

	}

	@Nested
	class AtLeastOnce {

		@Test
		void shouldHandleAnEventDeliveredTwiceOnce() {
			User author = newUser();
			User fan = newUser();
			long post = Events.newId();
			PostLiked like = events.like(post, author.id(), fan.id());
			events.publish(like);
			User marker = newUser();
			events.like(post, author.id(), marker.id());

			await().atMost(Duration.ofSeconds(30)).until(() -> api.items("grouped=false", author.token()).size() == 2);
			assertThat(api.items("grouped=false", author.token()))
				.extracting((item) -> item.get("actors").get(0).get("id").asString())
				.containsExactly(Long.toString(marker.id()), Long.toString(fan.id()));
			assertThat(api.items("", author.token()).get(0).get("count").asInt()).isEqualTo(2);
			assertThat(api.unread(author.token())).isEqualTo(2);
		}

	}

	private JsonNode awaitOne(User user) {
		return awaitItems(user, 1).get(0);
	}

	private List<JsonNode> awaitItems(User user, int count) {
		return await().atMost(Duration.ofSeconds(30))
			.until(() -> api.items("grouped=false", user.token()), (items) -> items.size() >= count);
	}

}
