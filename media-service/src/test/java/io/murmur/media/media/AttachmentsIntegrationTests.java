package io.murmur.media.media;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaOperations;

import io.murmur.events.EventType;
import io.murmur.events.MurmurEvent;
import io.murmur.events.Topics;
import io.murmur.events.post.PostCreated;
import io.murmur.events.post.PostDeleted;
import io.murmur.events.user.ProfileUpdated;
import io.murmur.media.MediaIntegrationTests;
import io.murmur.media.TestImages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class AttachmentsIntegrationTests extends MediaIntegrationTests {

	@Autowired
	private KafkaOperations<Object, Object> kafka;

	@Nested
	class Claims {

		@Test
		void shouldPutTheAuthorsReadyMediaOnOnePostOnly() {
			long author = newUser();
			String first = uploadReady(author);
			String second = uploadReady(author);
			long post = newPostId();

			Response claimed = claim(post, author, first, second);

			assertThat(claimed.status()).as(claimed.text()).isEqualTo(200);
			assertThat(claimed.json().get("items").valueStream().map((media) -> media.get("id").asString()))
				.containsExactly(first, second);
			assertThat(claim(post, author, first, second).status()).as("again for the same post").isEqualTo(200);
			Response other = claim(newPostId(), author, first);
			assertThat(other.status()).isEqualTo(422);
			assertThat(other.json().get("type").asString()).endsWith("/media-not-attachable");
			assertThat(other.json().get("errors").get(0).get("message").asString()).isEqualTo("is on another post");
		}

		@Test
		void shouldRefuseAnotherUsersMediaAndMediaNotReadyAndClaimNoneOfThem() {
			long author = newUser();
			String own = uploadReady(author);
			String someoneElses = uploadReady(newUser());
			String waiting = as(author, "POST", "/api/v1/media/uploads", "{\"contentType\":\"image/png\",\"size\":10}")
				.json()
				.get("id")
				.asString();

			Response refused = claim(newPostId(), author, own, someoneElses, waiting);

			assertThat(refused.status()).isEqualTo(422);
			assertThat(refused.json().get("errors").valueStream().map((error) -> error.get("field").asString()))
				.containsExactly("mediaIds[1]", "mediaIds[2]");
			assertThat(claim(newPostId(), author, own).status()).as("the refused claim took nothing").isEqualTo(200);
		}

		@Test
		void shouldFreeMediaWhenTheClaimIsWithdrawnAndKeepIt() {
			long author = newUser();
			String id = uploadReady(author);
			long unstored = newPostId();
			assertThat(claim(unstored, author, id).status()).isEqualTo(200);

			Response withdrawn = call("POST", "/internal/media/claims/" + unstored + "/withdrawal",
					tokens.service("post-service"), null);

			assertThat(withdrawn.status()).isEqualTo(204);
			assertThat(objectsOf(id)).hasSize(3);
			assertThat(claim(newPostId(), author, id).status()).as("the retried post gets it").isEqualTo(200);
		}

		@Test
		void shouldRefuseTheAuthorsAvatarOnAPost() {
			long author = newUser();
			String id = uploadReady(author);
			assertThat(avatar(author, id).status()).isEqualTo(200);

			Response refused = claim(newPostId(), author, id);

			assertThat(refused.status()).isEqualTo(422);
			assertThat(refused.json().get("errors").get(0).get("message").asString())
				.isEqualTo("is the author's avatar");
		}

		@Test
		void shouldRefuseUserTokens() {
			long author = newUser();
			Response response = call("POST", "/internal/media/claims", tokens.user(author),
					"{\"postId\":1,\"ownerId\":" + author + ",\"mediaIds\":[\"1\"]}");
			assertThat(response.status()).isEqualTo(403);
		}

		@Test
		void shouldDescribeReadyMediaForHydrationInTheOrderAsked() {
			long author = newUser();
			String first = uploadReady(author);
			String second = uploadReady(author);

			Response batch = call("POST", "/internal/media/batch", tokens.service("post-service"),
					"{\"ids\":[\"" + second + "\",\"42\",\"" + first + "\"]}");

			assertThat(batch.status()).isEqualTo(200);
			List<JsonNode> items = batch.json().get("items").valueStream().toList();
			assertThat(items).extracting((media) -> media.get("id").asString()).containsExactly(second, first);
			assertThat(items.get(0).get("previewUrl").asString()).startsWith("http");
			assertThat(items.get(0).get("blurhash").asString()).isNotBlank();
		}

		@Test
		void shouldAcceptOnlyTheUsersOwnReadyImageAsAvatar() throws Exception {
			long user = newUser();
			String image = uploadReady(user);
			Response video = upload(user, "v.mp4", "video/mp4", UploadIntegrationTests.fixture("clip.mp4"),
					java.util.Map.of());

			assertThat(avatar(user, image).status()).isEqualTo(200);
			assertThat(avatar(newUser(), image).status()).isEqualTo(422);
			String videoId = video.json().get("id").asString();
			await().atMost(Duration.ofSeconds(60))
				.until(() -> as(user, "GET", "/api/v1/media/" + videoId).status() == 200);
			Response refused = avatar(user, videoId);
			assertThat(refused.status()).isEqualTo(422);
			assertThat(refused.json().get("errors").get(0).get("message").asString()).isEqualTo("is not an image");
		}

	}

	@Nested
	class Deletion {

		@Test
		void shouldDeleteADeletedPostsMediaWithItsObjects() {
			long author = newUser();
			String id = uploadReady(author);
			long post = newPostId();
			assertThat(claim(post, author, id).status()).isEqualTo(200);
			assertThat(objectsOf(id)).hasSize(3);

			publish(new PostDeleted(UUID.randomUUID(), Instant.now(), post, author));

			await().atMost(Duration.ofSeconds(30)).until(() -> objectsOf(id).isEmpty());
			await().atMost(Duration.ofSeconds(10))
				.until(() -> as(author, "GET", "/api/v1/media/" + id).status() == 404);
		}

		@Test
		void shouldDeleteAPostsMediaWhenPostServiceReleasesIt() {
			long author = newUser();
			String id = uploadReady(author);
			long post = newPostId();
			claim(post, author, id);

			Response released = call("DELETE", "/internal/media/claims/" + post, tokens.service("post-service"), null);

			assertThat(released.status()).isEqualTo(204);
			assertThat(objectsOf(id)).isEmpty();
			assertThat(call("DELETE", "/internal/media/claims/" + post, tokens.service("post-service"), null).status())
				.isEqualTo(204);
		}

		@Test
		void shouldDeleteUnattachedMediaAfterTheWindowAndKeepMediaOnPostsAndAvatars() {
			long author = newUser();
			String unattached = uploadReady(author);
			String onPost = uploadReady(author);
			String onPostByEvent = uploadReady(author);
			String avatar = uploadReady(author);
			claim(newPostId(), author, onPost);
			publish(new PostCreated(UUID.randomUUID(), Instant.now(), newPostId(), author, Instant.now(), "hello", null,
					null, null, List.of(Long.parseLong(onPostByEvent)), List.of(), List.of()));
			assertThat(avatar(author, avatar).status()).isEqualTo(200);

			await().atMost(UNATTACHED_AFTER.plusSeconds(60)).until(() -> objectsOf(unattached).isEmpty());

			assertThat(as(author, "GET", "/api/v1/media/" + unattached).status()).isEqualTo(404);
			for (String kept : List.of(onPost, onPostByEvent, avatar)) {
				assertThat(objectsOf(kept)).as(kept).hasSize(3);
				assertThat(as(author, "GET", "/api/v1/media/" + kept).status()).isEqualTo(200);
			}
		}

		/**
		 * A user replaced their avatar twice in quick succession, and media-service reads
		 * the profile changes only after both: the avatar in use stays, the one let go is
		 * deleted once the window has passed.
		 */
		@Test
		void shouldDeleteAReplacedAvatarAfterTheWindowAndKeepTheOneInUse() {
			long user = newUser();
			String first = uploadReady(user);
			String second = uploadReady(user);
			assertThat(avatar(user, first).status()).isEqualTo(200);
			assertThat(avatar(user, second).status()).isEqualTo(200);

			publish(Topics.USER, profile(user, first));
			publish(Topics.USER, profile(user, second));

			await().atMost(UNATTACHED_AFTER.plusSeconds(60)).until(() -> objectsOf(first).isEmpty());
			assertThat(as(user, "GET", "/api/v1/media/" + first).status()).isEqualTo(404);
			assertThat(objectsOf(second)).hasSize(3);
			assertThat(as(user, "GET", "/api/v1/media/" + second).status()).isEqualTo(200);
			assertThat(claim(newPostId(), user, second).status()).as("still the avatar, not free for a post")
				.isEqualTo(422);
		}

	}

	private static ProfileUpdated profile(long user, String avatarId) {
		return new ProfileUpdated(UUID.randomUUID(), Instant.now(), user, "user" + user, "User", "",
				Long.parseLong(avatarId));
	}

	private String uploadReady(long owner) {
		Response response = upload(owner, TestImages.jpeg(200, 150));
		assertThat(response.status()).as(response.text()).isEqualTo(201);
		return response.json().get("id").asString();
	}

	private Response claim(long post, long author, String... ids) {
		String mediaIds = String.join("\",\"", ids);
		return call("POST", "/internal/media/claims", tokens.service("post-service"),
				"{\"postId\":" + post + ",\"ownerId\":" + author + ",\"mediaIds\":[\"" + mediaIds + "\"]}");
	}

	private Response avatar(long user, String id) {
		return call("POST", "/internal/media/" + id + "/avatar", tokens.service("user-service"),
				"{\"ownerId\":" + user + "}");
	}

	private static long newPostId() {
		return ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);
	}

	private void publish(MurmurEvent event) {
		publish(Topics.POST, event);
	}

	private void publish(String topic, MurmurEvent event) {
		ProducerRecord<Object, Object> record = new ProducerRecord<>(topic, event.key(), event);
		record.headers().add(EventType.HEADER, EventType.of(event).id().getBytes(StandardCharsets.UTF_8));
		this.kafka.send(record).join();
	}

}
