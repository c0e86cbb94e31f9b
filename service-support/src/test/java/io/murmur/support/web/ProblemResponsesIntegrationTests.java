package io.murmur.support.web;

import java.util.List;

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
	class HostileRequests {

		@Test
		void shouldRefuseAParameterOfInvalidUtf8WithBadRequest() {
			assertProblem(ProblemResponsesIntegrationTests.this.http.call("GET", "/api/v1/page?limit=%ff%fe",
					ProblemResponsesIntegrationTests.this.token), 400, "malformed-request");
		}

		@Test
		void shouldRefuseAParameterOfInvalidUtf8ThatTheRouteDoesNotUseWithBadRequest() {
			assertProblem(ProblemResponsesIntegrationTests.this.http.call("GET", "/api/v1/page?cursor=%ff%fe",
					ProblemResponsesIntegrationTests.this.token), 400, "malformed-request");
			assertProblem(ProblemResponsesIntegrationTests.this.http.call("GET", "/api/v1/me?cursor=%c0%af",
					ProblemResponsesIntegrationTests.this.token), 400, "malformed-request");
		}

		@Test
		void shouldAcceptParametersOfValidUtf8() {
			Response response = ProblemResponsesIntegrationTests.this.http.call("GET",
					"/api/v1/page?limit=7&q=%E2%9C%93%F0%9F%98%80+x&empty=&flag",
					ProblemResponsesIntegrationTests.this.token);

			assertThat(response.status()).as(response.body()).isEqualTo(200);
			assertThat(response.json().path("limit").asInt()).isEqualTo(7);
		}

		@Test
		void shouldRefuseTooManyParametersWithBadRequest() {
			StringBuilder query = new StringBuilder("limit=5");
			for (int i = 0; i < 1200; i++) {
				query.append("&p").append(i).append("=1");
			}
			assertProblem(ProblemResponsesIntegrationTests.this.http.call("GET", "/api/v1/page?" + query,
					ProblemResponsesIntegrationTests.this.token), 400, "malformed-request");
		}

		@Test
		void shouldRefuseAParameterOfInvalidUtf8OnAPublicPathWithBadRequest() {
			assertProblem(ProblemResponsesIntegrationTests.this.http.call("GET", "/api/v1/open?cursor=%ff%fe", null),
					400, "malformed-request");
		}

		@Test
		void shouldRefuseAParameterOfInvalidUtf8WithoutATokenWithBadRequest() {
			assertProblem(ProblemResponsesIntegrationTests.this.http.call("GET", "/api/v1/page?x=%ff", null), 400,
					"malformed-request");
		}

		@Test
		void shouldRefuseAMalformedPercentEncodingWithBadRequest() {
			assertProblem(ProblemResponsesIntegrationTests.this.http.raw("GET", "/api/v1/page?limit=%zz&x=%",
					ProblemResponsesIntegrationTests.this.token), 400, "malformed-request");
		}

		@Test
		void shouldAnswerAnEncodedNulInThePathWithAProblem() {
			assertRejected(ProblemResponsesIntegrationTests.this.http.call("GET", "/api/v1/users/%00/following",
					ProblemResponsesIntegrationTests.this.token));
		}

		@Test
		void shouldAnswerAnEncodedTraversalInThePathWithAProblem() {
			assertRejected(ProblemResponsesIntegrationTests.this.http.call("GET",
					"/api/v1/users/..%2F..%2Finternal/posts", ProblemResponsesIntegrationTests.this.token));
		}

		@Test
		void shouldAnswerAnEncodedBackslashInThePathWithAProblem() {
			assertRejected(ProblemResponsesIntegrationTests.this.http.call("GET", "/api/v1/users/..%5C..%5Cinternal",
					ProblemResponsesIntegrationTests.this.token));
		}

		@Test
		void shouldAnswerInvalidUtf8InThePathWithAProblem() {
			assertRejected(ProblemResponsesIntegrationTests.this.http.call("GET", "/api/v1/users/%ff%fe/posts",
					ProblemResponsesIntegrationTests.this.token));
		}

		@Test
		void shouldAnswerAPathThatLeavesTheRootWithAProblem() {
			assertRejected(ProblemResponsesIntegrationTests.this.http.call("GET", "/api/v1/../../../etc/passwd",
					ProblemResponsesIntegrationTests.this.token));
		}

		@Test
		void shouldAnswerASemicolonInThePathWithAProblem() {
			assertRejected(ProblemResponsesIntegrationTests.this.http.call("GET", "/api/v1/me;jsessionid=x",
					ProblemResponsesIntegrationTests.this.token));
		}

		@Test
		void shouldRefuseABrokenMultipartBodyOnAJsonRouteWithBadRequest() {
			for (String body : List.of(
					"--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.png\"\r\n\r\nx",
					"--b\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\nx\r\n--other--\r\n")) {
				for (String type : List.of("multipart/form-data; boundary=b", "multipart/form-data")) {
					assertProblem(ProblemResponsesIntegrationTests.this.http.send("POST", "/api/v1/notes",
							ProblemResponsesIntegrationTests.this.token, type, body), 400, "malformed-request");
				}
			}
		}

		@Test
		void shouldNameAFormFieldSentAsAFileInsteadOfFailing() {
			Response response = ProblemResponsesIntegrationTests.this.http.send("POST", "/api/v1/labels",
					ProblemResponsesIntegrationTests.this.token, "multipart/form-data; boundary=b",
					"--b\r\nContent-Disposition: form-data; name=\"name\"; filename=\"a.jpg\"\r\n"
							+ "Content-Type: image/jpeg\r\n\r\nx\r\n--b--\r\n");
			assertProblem(response, 400, "validation-failed");
			assertThat(response.body()).contains("\"name\"").doesNotContain("Multipart", "Exception");
		}

		@Test
		void shouldRefuseAWildcardContentTypeWithUnsupportedMediaType() {
			for (String type : List.of("*/*", "application/*")) {
				assertProblem(
						ProblemResponsesIntegrationTests.this.http.send("POST", "/api/v1/notes",
								ProblemResponsesIntegrationTests.this.token, type, "{\"text\":\"hi\"}"),
						415, "unsupported-media-type");
			}
		}

		private static void assertRejected(Response response) {
			assertThat(response.status()).as(response.body()).isIn(400, 404);
			assertProblem(response, response.status(), (response.status() == 400) ? "malformed-request" : "not-found");
		}

	}

	@Nested
	class Headers {

		@Test
		void shouldTellBrowsersNotToSniffAnyResponse() {
			assertThat(ProblemResponsesIntegrationTests.this.http
				.call("GET", "/api/v1/me", ProblemResponsesIntegrationTests.this.token)
				.header("X-Content-Type-Options")).isEqualTo("nosniff");
			assertThat(ProblemResponsesIntegrationTests.this.http.call("GET", "/api/v1/users/%00/following", null)
				.header("X-Content-Type-Options")).isEqualTo("nosniff");
			assertThat(ProblemResponsesIntegrationTests.this.http.call("GET", "/api/v1/me?x=%ff", null)
				.header("X-Content-Type-Options")).isEqualTo("nosniff");
		}

		@Test
		void shouldNotNameTheServer() {
			for (String path : List.of("/api/v1/me", "/api/v1/users/%00/following", "/api/v1/me?x=%ff")) {
				Response response = ProblemResponsesIntegrationTests.this.http.call("GET", path,
						ProblemResponsesIntegrationTests.this.token);
				assertThat(response.header("Server")).as(path).isNull();
				assertThat(response.body()).as(path).doesNotContainIgnoringCase("tomcat");
			}
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
