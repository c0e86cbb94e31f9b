package io.murmur.graph.web;

import java.time.Duration;
import java.time.Instant;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import io.murmur.graph.GraphIntegrationTests;
import io.murmur.support.test.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad requests and missing or bad tokens answer with problem details, never a 500.
 */
class ApiErrorsIntegrationTests extends GraphIntegrationTests {

	@Nested
	class Tokens {

		@ParameterizedTest
		@ValueSource(strings = { "POST /api/v1/users/1/follow", "GET /api/v1/users/1/followers",
				"GET /api/v1/relationships?ids=1", "GET /internal/users/1/counts",
				"GET /internal/users/1/follower-ids" })
		void shouldRefuseARequestWithoutAToken(String request) {
			String[] parts = request.split(" ");

			assertProblem(call(parts[0], parts[1], null), 401, "unauthorized");
		}

		@Test
		void shouldRefuseAnExpiredToken() {
			String expired = TestTokens.sign(tokens.key(), "1", "murmur-user-service", "murmur-api", null,
					Instant.now().minus(Duration.ofMinutes(5)));

			assertProblem(call("GET", "/api/v1/users/1/followers", expired), 401, "unauthorized");
		}

		@Test
		void shouldRefuseATokenForAnotherAudienceOrIssuer() {
			Instant later = Instant.now().plus(Duration.ofMinutes(5));

			assertProblem(
					call("GET", "/api/v1/users/1/followers",
							TestTokens.sign(tokens.key(), "1", "murmur-user-service", "someone-else", null, later)),
					401, "unauthorized");
			assertProblem(
					call("GET", "/api/v1/users/1/followers",
							TestTokens.sign(tokens.key(), "1", "someone-else", "murmur-api", null, later)),
					401, "unauthorized");
		}

		@Test
		void shouldRefuseATokenSignedWithAnotherKey() {
			String forged = TestTokens.sign(TestTokens.newKey("test-key"), "1", "murmur-user-service", "murmur-api",
					null, Instant.now().plus(Duration.ofMinutes(5)));

			assertProblem(call("GET", "/api/v1/users/1/followers", forged), 401, "unauthorized");
		}

		@Test
		void shouldRefuseATokenWhoseSubjectIsNotAUserId() {
			String token = TestTokens.sign(tokens.key(), "admin", "murmur-user-service", "murmur-api", null,
					Instant.now().plus(Duration.ofMinutes(5)));

			assertProblem(call("POST", "/api/v1/users/1/follow", token), 401, "unauthorized");
		}

		@Test
		void shouldAnswerHealthAndApiDocsWithoutAToken() {
			assertThat(managementCall("/actuator/health/readiness")).isEqualTo(200);
			assertThat(managementCall("/actuator/health/liveness")).isEqualTo(200);
			assertThat(call("GET", "/actuator/health/readiness", null).status()).isEqualTo(404);
			Response docs = call("GET", "/v3/api-docs", null);
			assertThat(docs.status()).isEqualTo(200);
			assertThat(docs.json().get("paths").has("/api/v1/users/{id}/follow")).isTrue();
		}

	}

	@Nested
	class BadInput {

		@ParameterizedTest
		@ValueSource(strings = { "POST /api/v1/users/abc/follow", "POST /api/v1/users/0/follow",
				"DELETE /api/v1/users/-5/follow", "POST /api/v1/users/99999999999999999999/follow",
				"GET /api/v1/users/1.5/followers", "GET /api/v1/users/1/followers?limit=0",
				"GET /api/v1/users/1/followers?limit=101", "GET /api/v1/users/1/following?limit=abc",
				"GET /api/v1/users/1/following?cursor=not-a-cursor", "GET /api/v1/users/1/followers?cursor=%25%25",
				"GET /api/v1/relationships", "GET /api/v1/relationships?ids=", "GET /api/v1/relationships?ids=1,x",
				"GET /internal/users/x/counts", "GET /internal/users/1/follower-ids?after=x",
				"GET /internal/users/1/follower-ids?limit=10001", "GET /internal/users/1/celebrity-followees",
				"GET /internal/users/1/celebrity-followees?threshold=0" })
		void shouldAnswerBadRequest(String request) {
			String[] parts = request.split(" ");

			Response response = as(newUser(), parts[0], parts[1]);

			assertThat(response.status()).as(request + " -> " + response.body()).isEqualTo(400);
			assertThat(response.contentType()).startsWith("application/problem+json");
			assertThat(response.json().path("type").asString("")).as(response.body())
				.startsWith("https://murmur.example/problems/");
		}

		@Test
		void shouldRefuseMoreThanAHundredRelationshipIds() {
			String ids = LongStream.rangeClosed(1, 101).mapToObj(Long::toString).collect(Collectors.joining(","));

			assertProblem(as(newUser(), "GET", "/api/v1/relationships?ids=" + ids), 400, "validation-failed");
		}

		@Test
		void shouldRefuseAMalformedBatchOfCounts() {
			long user = newUser();
			String token = tokens.user(user);

			assertProblem(call("POST", "/internal/users/counts", token, "{\"ids\":"), 400, "malformed-request");
			assertProblem(call("POST", "/internal/users/counts", token, "{\"ids\":[]}"), 400, "validation-failed");
			assertProblem(call("POST", "/internal/users/counts", token, "{\"ids\":[\"a\"]}"), 400, "validation-failed");
			assertProblem(call("POST", "/internal/users/counts", token, "{\"ids\":[5]}"), 400, "validation-failed");
		}

		@Test
		void shouldAnswerNotFoundForAnUnknownPath() {
			assertProblem(as(newUser(), "GET", "/api/v1/nothing-here"), 404, "not-found");
		}

	}

	private static void assertProblem(Response response, int status, String type) {
		assertThat(response.status()).as(response.body()).isEqualTo(status);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.json().path("type").asString("")).as(response.body())
			.isEqualTo("https://murmur.example/problems/" + type);
		assertThat(response.json().get("status").asInt()).isEqualTo(status);
	}

}
