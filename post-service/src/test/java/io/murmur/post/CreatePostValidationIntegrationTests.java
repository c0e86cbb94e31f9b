package io.murmur.post;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import io.murmur.post.Api.Response;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a client is told about a post it may not publish: every broken rule at once, as
 * {@code validation-failed} with each field and what is wrong with it.
 */
class CreatePostValidationIntegrationTests extends IntegrationTestSupport {

	@Nested
	class EveryRule {

		@Test
		void shouldNameEachBrokenRuleOfOnePost() {
			Response response = api.post("/api/v1/posts", Api.newUser(),
					"{\"text\":\"" + "x".repeat(281) + "\",\"mediaIds\":[\"1\",\"x2\",null,\"4\",\"5\"],"
							+ "\"replyTo\":\"0\",\"quoteOf\":\"99999999999999999999\"}");

			PostApiIntegrationTests.assertProblem(response, 400, "validation-failed");
			assertThat(errors(response.json())).containsExactlyInAnyOrder("text: must be at most 280 characters",
					"mediaIds: must have at most 4 entries", "mediaIds[1]: must be a media id",
					"mediaIds[2]: must be a media id", "replyTo: must be a post id", "quoteOf: must be a post id");
		}

		@Test
		void shouldAskForTextOrMedia() {
			Response response = api.post("/api/v1/posts", Api.newUser(), "{\"text\":\" \",\"mediaIds\":[]}");

			PostApiIntegrationTests.assertProblem(response, 400, "validation-failed");
			assertThat(errors(response.json())).containsExactly("text: must not be empty unless the post has media");
		}

		@Test
		void shouldNameReferencedPostsThatDoNotExistTogether() {
			Response response = api.post("/api/v1/posts", Api.newUser(),
					"{\"text\":\"a\",\"replyTo\":\"12345\",\"quoteOf\":\"777\"}");

			PostApiIntegrationTests.assertProblem(response, 400, "validation-failed");
			assertThat(errors(response.json())).containsExactly("replyTo: no post has this id",
					"quoteOf: no post has this id");
		}

	}

	@Nested
	class Ids {

		@Test
		void shouldNameEachMalformedIdOfABatch() {
			Response response = api.post("/internal/posts/batch", Api.newUser(), "{\"ids\":[\"1\",\"-2\",null]}");

			PostApiIntegrationTests.assertProblem(response, 400, "validation-failed");
			assertThat(errors(response.json())).containsExactlyInAnyOrder("ids[1]: must be an id",
					"ids[2]: must be an id");
		}

		@Test
		void shouldNameEachMalformedAuthorIdOfTimelines() {
			Response response = api.post("/internal/posts/timelines", Api.newUser(),
					"{\"authorIds\":[\"7\",\"abc\"],\"limit\":10}");

			PostApiIntegrationTests.assertProblem(response, 400, "validation-failed");
			assertThat(errors(response.json())).containsExactly("authorIds[1]: must be an id");
		}

	}

	private static List<String> errors(JsonNode problem) {
		List<String> errors = new ArrayList<>();
		problem.get("errors")
			.forEach((error) -> errors.add(error.get("field").asString() + ": " + error.get("message").asString()));
		return errors;
	}

}
