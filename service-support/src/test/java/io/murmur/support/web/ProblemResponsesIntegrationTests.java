package io.murmur.support.web;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import io.murmur.support.app.Http.Response;
import io.murmur.support.app.SupportIntegrationTests;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemResponsesIntegrationTests extends SupportIntegrationTests {

	private String token;

	@BeforeEach
	void setUp() {
		this.token = tokens.user(42);
	}

	private static void assertProblem(Response response, int status, String type) {
		assertThat(response.status()).as(response.body()).isEqualTo(status);
		assertThat(response.contentType()).isEqualTo("application/problem+json");
		assertThat(response.problem()).isEqualTo(type);
		assertThat(response.json().path("status").asInt()).isEqualTo(status);
		assertThat(response.json().path("title").asString()).isNotBlank();
		assertThat(response.body()).doesNotContain("Exception").doesNotContain("trace");
	}

	@Nested
	class BadInput {

		@Test
		void shouldListTheInvalidFieldsOfABody() {
			Response response = ProblemResponsesIntegrationTests.this.http.call("POST", "/api/v1/notes",
					ProblemResponsesIntegrationTests.this.token, "{\"text\":\"far too long for a note\"}");

			assertProblem(response, 400, "validation-failed");
			assertThat(response.json().path("errors").get(0).path("field").asString()).isEqualTo("text");
		}

		@Test
		void shouldNameAFieldOfTheWrongType() {
			Response response = ProblemResponsesIntegrationTests.this.http.call("POST", "/api/v1/notes",
					ProblemResponsesIntegrationTests.this.token, "{\"text\":5}");

			assertProblem(response, 400, "validation-failed");
			assertThat(response.json().path("errors").get(0).path("message").asString()).isEqualTo("must be a string");
		}

		@Test
		void shouldRefuseMalformedJson() {
			Response response = ProblemResponsesIntegrationTests.this.http.call("POST", "/api/v1/notes",
					ProblemResponsesIntegrationTests.this.token, "{\"text\":");

			assertProblem(response, 400, "malformed-request");
		}

		@Test
		void shouldRefuseABodyOverTheLimit() {
			Response response = ProblemResponsesIntegrationTests.this.http.call("POST", "/api/v1/notes",
					ProblemResponsesIntegrationTests.this.token, "{\"text\":\"" + "x".repeat(2000) + "\"}");

			assertProblem(response, 413, "payload-too-large");
		}

		@Test
		void shouldAnswerAnUnknownPathWithNotFound() {
			assertProblem(ProblemResponsesIntegrationTests.this.http.call("GET", "/api/v1/nothing-here",
					ProblemResponsesIntegrationTests.this.token), 404, "not-found");
		}

		@Test
		void shouldAnswerAnUnsupportedMethod() {
			assertProblem(ProblemResponsesIntegrationTests.this.http.call("DELETE", "/api/v1/notes",
					ProblemResponsesIntegrationTests.this.token), 405, "method-not-allowed");
		}

	}

	@Nested
	class Failures {

		@Test
		void shouldAnswerAnUnavailableStoreWithServiceUnavailable() {
			assertProblem(ProblemResponsesIntegrationTests.this.http.call("GET", "/api/v1/store-down",
					ProblemResponsesIntegrationTests.this.token), 503, "service-unavailable");
		}

		@Test
		void shouldAnswerABugWithAnInternalErrorWithoutDetails() {
			Response response = ProblemResponsesIntegrationTests.this.http.call("GET", "/api/v1/broken",
					ProblemResponsesIntegrationTests.this.token);

			assertProblem(response, 500, "internal-error");
			assertThat(response.body()).doesNotContain("a bug");
		}

		@Test
		void shouldRenderAServicesOwnProblemTypeWithRetryAfter() {
			Response response = ProblemResponsesIntegrationTests.this.http.call("GET", "/api/v1/teapot",
					ProblemResponsesIntegrationTests.this.token);

			assertProblem(response, 418, "teapot");
			assertThat(response.json().path("detail").asString()).isEqualTo("Brewing");
			assertThat(response.retryAfter()).isEqualTo("2");
		}

	}

}
