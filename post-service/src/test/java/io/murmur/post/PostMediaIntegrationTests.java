package io.murmur.post;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import io.murmur.post.Api.Response;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Media on posts: claimed at media-service (here {@link StubMediaService}) before a post
 * is stored, and described with fresh URLs whenever posts are read.
 */
class PostMediaIntegrationTests extends IntegrationTestSupport {

	private static final StubMediaService media = StubMediaService.INSTANCE;

	@AfterEach
	void mediaServiceUp() {
		media.down(false);
	}

	@Nested
	class Publishing {

		@Test
		void shouldClaimTheAuthorsMediaForThePostAndShowItDescribed() {
			long author = Api.newUser();
			long photo = media.upload(author);

			JsonNode created = api.create(author, "{\"text\":\"look\",\"mediaIds\":[\"" + photo + "\"]}");

			assertThat(media.postOf(photo)).isEqualTo(Long.parseLong(created.get("id").asString()));
			JsonNode shown = created.get("media").get(0);
			assertThat(shown.get("id").asString()).isEqualTo(Long.toString(photo));
			assertThat(shown.get("type").asString()).isEqualTo("image");
			assertThat(shown.get("url").asString()).startsWith("http://s3.example/media/" + photo + "/original.jpg");
			assertThat(shown.get("previewUrl").asString()).contains("/preview.jpg");
			assertThat(shown.get("width").asInt()).isEqualTo(1200);
			assertThat(shown.get("height").asInt()).isEqualTo(800);
			assertThat(shown.get("blurhash").asString()).isNotBlank();
			assertThat(shown.get("description").asString()).isEqualTo("a red circle");
			assertThat(shown.get("focus").get("x").asDouble()).isEqualTo(0.25);
			assertThat(media.authorizations().getLast()).as("a service token, not the user's")
				.isNotEqualTo("Bearer " + Api.token(author))
				.startsWith("Bearer ");
		}

		@Test
		void shouldRefuseMediaNotTheAuthorsNotReadyOrOnAnotherPostAndStoreNothing() {
			long author = Api.newUser();
			long own = media.upload(author);
			long someoneElses = media.upload(Api.newUser());
			long processing = media.uploadProcessing(author);
			long onAnotherPost = media.upload(author);
			api.create(author, "{\"text\":\"first\",\"mediaIds\":[\"" + onAnotherPost + "\"]}");

			Response refused = api.post("/api/v1/posts", author, "{\"text\":\"second\",\"mediaIds\":[\"" + own + "\",\""
					+ someoneElses + "\",\"" + processing + "\",\"" + onAnotherPost + "\"]}");

			assertThat(refused.status()).isEqualTo(422);
			assertThat(refused.contentType()).startsWith("application/problem+json");
			assertThat(refused.json().get("type").asString()).endsWith("/media-not-attachable");
			assertThat(refused.json()
				.get("errors")
				.valueStream()
				.map((error) -> error.get("field").asString() + ": " + error.get("message").asString()))
				.containsExactly("mediaIds[1]: is not a media of the author", "mediaIds[2]: is not ready (processing)",
						"mediaIds[3]: is on another post");
			assertThat(media.postOf(own)).as("all or none").isNull();
			assertThat(texts(api.get("/api/v1/users/" + author + "/posts", author).json())).containsExactly("first");
		}

		@Test
		void shouldAnswer503AndStoreNothingWhenMediaServiceIsDown() {
			long author = Api.newUser();
			long photo = media.upload(author);
			media.down(true);

			Response refused = api.post("/api/v1/posts", author,
					"{\"text\":\"look\",\"mediaIds\":[\"" + photo + "\"]}");

			assertThat(refused.status()).isEqualTo(503);
			assertThat(refused.contentType()).startsWith("application/problem+json");
			assertThat(refused.json().get("type").asString()).endsWith("/service-unavailable");
			assertThat(api.get("/api/v1/users/" + author + "/posts", author).json().get("items").size()).isZero();
			media.down(false);
			assertThat(
					api.post("/api/v1/posts", author, "{\"text\":\"look\",\"mediaIds\":[\"" + photo + "\"]}").status())
				.as("the retry")
				.isEqualTo(201);
		}

		@Test
		void shouldNotAskMediaServiceForAPostWithoutMedia() {
			int before = media.calls().size();
			api.create(Api.newUser(), Api.text("no pictures"));
			assertThat(media.calls()).hasSize(before);
		}

	}

	@Nested
	class Reading {

		@Test
		void shouldDescribeTheMediaOfAPageWithOneCallAndFreshUrls() {
			long author = Api.newUser();
			String created = null;
			for (int i = 0; i < 3; i++) {
				created = api
					.create(author,
							"{\"text\":\"post " + i + "\",\"mediaIds\":[\"" + media.upload(author) + "\",\""
									+ media.upload(author) + "\"]}")
					.get("id")
					.asString();
			}
			String reply = api.create(Api.newUser(), "{\"text\":\"nice\",\"replyTo\":\"" + created + "\"}")
				.get("id")
				.asString();
			int before = media.calls().size();

			JsonNode page = api.get("/api/v1/users/" + author + "/posts", author).json();

			assertThat(media.calls().subList(before, media.calls().size())).containsExactly("/internal/media/batch");
			assertThat(page.get("items").valueStream().map((post) -> post.get("media").size())).containsExactly(2, 2,
					2);
			String firstUrl = page.get("items").get(0).get("media").get(0).get("url").asString();
			JsonNode again = api.get("/api/v1/posts/" + page.get("items").get(0).get("id").asString(), author).json();
			assertThat(again.get("media").get(0).get("url").asString()).as("described when read, not stored")
				.isNotEqualTo(firstUrl);
			Response batch = api.call("POST", "/internal/posts/batch", StubUserService.INSTANCE.tokens.service("feed"),
					"{\"ids\":[\"" + created + "\",\"" + reply + "\"]}");
			assertThat(batch.json().get("items").valueStream().map((post) -> post.get("media").size()))
				.containsExactly(2, 0);
		}

		@Test
		void shouldShowMediaDeletedSinceAsGone() {
			long author = Api.newUser();
			long kept = media.upload(author);
			long deleted = media.upload(author);
			String id = api.create(author, "{\"text\":\"two\",\"mediaIds\":[\"" + kept + "\",\"" + deleted + "\"]}")
				.get("id")
				.asString();
			media.delete(deleted);

			JsonNode read = api.get("/api/v1/posts/" + id, author).json();

			assertThat(read.get("media").valueStream().map((shown) -> shown.get("id").asString()))
				.containsExactly(Long.toString(kept));
		}

		@Test
		void shouldServePostsWithTheirMediaIdsOnlyWhenMediaServiceIsDown() {
			long author = Api.newUser();
			long photo = media.upload(author);
			String id = api.create(author, "{\"text\":\"look\",\"mediaIds\":[\"" + photo + "\"]}").get("id").asString();
			media.down(true);

			Response read = api.get("/api/v1/posts/" + id, author);

			assertThat(read.status()).isEqualTo(200);
			JsonNode shown = read.json().get("media").get(0);
			assertThat(shown.get("id").asString()).isEqualTo(Long.toString(photo));
			assertThat(shown.get("url").isNull()).isTrue();
			assertThat(api.get("/api/v1/users/" + author + "/posts", author).status()).isEqualTo(200);
		}

	}

	private static List<String> texts(JsonNode page) {
		return page.get("items").valueStream().map((post) -> post.get("text").asString()).toList();
	}

}
