package io.murmur.user.auth;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.test.web.servlet.client.RestTestClient.ResponseSpec;

import io.murmur.user.Api;
import io.murmur.user.Api.Account;
import io.murmur.user.UserServiceIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

@UserServiceIntegrationTest
class RegistrationIntegrationTests {

	private static final String PROBLEMS = "https://murmur.example/problems/";

	private Api api;

	@BeforeEach
	void setUp(@LocalServerPort int port) {
		this.api = new Api(port);
	}

	private ResponseSpec register(Object body) {
		return this.api.client()
			.post()
			.uri("/api/v1/auth/register")
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.exchange();
	}

	private ResponseSpec registerRaw(String json) {
		return register((Object) json);
	}

	private Map<String, Object> valid() {
		String handle = Api.uniqueHandle();
		Map<String, Object> body = new HashMap<>();
		body.put("handle", handle);
		body.put("email", handle + "@example.com");
		body.put("password", Api.PASSWORD);
		return body;
	}

	private Map<String, Object> validWith(String field, Object value) {
		Map<String, Object> body = valid();
		body.put(field, value);
		return body;
	}

	private void expectFieldError(ResponseSpec response, String field) {
		response.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo(PROBLEMS + "validation-failed")
			.jsonPath("$.status")
			.isEqualTo(400)
			.jsonPath("$.errors[?(@.field == '" + field + "')].message")
			.isNotEmpty()
			.jsonPath("$.trace")
			.doesNotExist();
	}

	@Nested
	class MalformedRequests {

		@Test
		void shouldNameEveryMissingField() {
			register(Map.of()).expectStatus()
				.isBadRequest()
				.expectBody()
				.jsonPath("$.type")
				.isEqualTo(PROBLEMS + "validation-failed")
				.jsonPath("$.errors[*].field")
				.value(List.class, (fields) -> assertThat(fields).contains("handle", "email", "password"));
		}

		@Test
		void shouldRefuseANumberWhereAStringBelongs() {
			expectFieldError(registerRaw("{\"handle\": 5, \"email\": \"a@example.com\", \"password\": \"x\"}"),
					"handle");
		}

		@Test
		void shouldRefuseAnObjectWhereAStringBelongs() {
			expectFieldError(registerRaw("{\"handle\": {\"a\": 1}, \"email\": \"a@example.com\"}"), "handle");
		}

		@Test
		void shouldRefuseMalformedJson() {
			registerRaw("{\"handle\": \"abc\",").expectStatus()
				.isBadRequest()
				.expectHeader()
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.expectBody()
				.jsonPath("$.type")
				.isEqualTo(PROBLEMS + "malformed-request");
		}

		@Test
		void shouldRefuseABodyThatIsNotAnObject() {
			registerRaw("[1, 2, 3]").expectStatus()
				.isBadRequest()
				.expectBody()
				.jsonPath("$.type")
				.isEqualTo(PROBLEMS + "malformed-request");
		}

		@Test
		void shouldRefuseAMissingBody() {
			api.client()
				.post()
				.uri("/api/v1/auth/register")
				.contentType(MediaType.APPLICATION_JSON)
				.exchange()
				.expectStatus()
				.isBadRequest()
				.expectBody()
				.jsonPath("$.type")
				.isEqualTo(PROBLEMS + "malformed-request");
		}

		@Test
		void shouldRefuseABodyLargerThan16KiB() {
			register(validWith("displayName", "x".repeat(17 * 1024))).expectStatus()
				.isEqualTo(413)
				.expectHeader()
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.expectBody()
				.jsonPath("$.type")
				.isEqualTo(PROBLEMS + "payload-too-large");
		}

		@Test
		void shouldRefuseABodyThatIsNotJson() {
			api.client()
				.post()
				.uri("/api/v1/auth/register")
				.contentType(MediaType.TEXT_PLAIN)
				.body("handle=abc")
				.exchange()
				.expectStatus()
				.isEqualTo(415)
				.expectBody()
				.jsonPath("$.type")
				.isEqualTo(PROBLEMS + "unsupported-media-type");
		}

	}

	@Nested
	class Handles {

		@ParameterizedTest
		@ValueSource(strings = { "аlice_1", "ａｌｉｃｅ", "ab", "a23456789012345678901234567890x", "with space", "dash-ed",
				"émile", "" })
		void shouldRefuseHandlesOutsideAsciiLettersDigitsAndUnderscore(String handle) {
			expectFieldError(register(validWith("handle", handle)), "handle");
		}

		@Test
		void shouldAcceptThirtyCharacters() {
			String handle = (Api.uniqueHandle() + "_".repeat(30)).substring(0, 30);
			register(validWith("handle", handle)).expectStatus().isCreated();
		}

		@Test
		void shouldRefuseAHandleTakenInAnotherCase() {
			Account taken = api.register();
			String other = Api.uniqueHandle();
			register(Map.of("handle", taken.user().handle().toUpperCase(), "email", other + "@example.com", "password",
					Api.PASSWORD))
				.expectStatus()
				.isEqualTo(409)
				.expectHeader()
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.expectBody()
				.jsonPath("$.type")
				.isEqualTo(PROBLEMS + "handle-taken");
		}

	}

	@Nested
	class Emails {

		@ParameterizedTest
		@ValueSource(strings = { "not-an-email", "a@", "@example.com", "" })
		void shouldRefuseInvalidEmails(String email) {
			expectFieldError(register(validWith("email", email)), "email");
		}

		@Test
		void shouldRefuseAnEmailTakenInAnotherCase() {
			Account taken = api.register();
			register(Map.of("handle", Api.uniqueHandle(), "email", taken.email().toUpperCase(), "password",
					Api.PASSWORD))
				.expectStatus()
				.isEqualTo(409)
				.expectBody()
				.jsonPath("$.type")
				.isEqualTo(PROBLEMS + "email-taken");
		}

	}

	@Nested
	class Passwords {

		@ParameterizedTest
		@ValueSource(strings = { "short", "1234567890", "qwertyuiop", "Password2024!", "aaaaaaaaaaaa", "abcdefghijkl",
				"abcabcabcabc", "9876543210" })
		void shouldRefuseTrivialPasswords(String password) {
			expectFieldError(register(validWith("password", password)), "password");
		}

		@Test
		void shouldRefuseAPasswordContainingTheHandle() {
			Map<String, Object> body = valid();
			body.put("password", "my " + body.get("handle") + " secret!");
			expectFieldError(register(body), "password");
		}

		@Test
		void shouldRefuseAPasswordLongerThan128Characters() {
			expectFieldError(register(validWith("password", "Tr0ub4dor&3 ".repeat(11))), "password");
		}

		@Test
		void shouldCountCharactersNotUtf16Units() {
			register(validWith("password", "🐢🦊🐙🦉🐝🦋🐞🦀🐬🦜")).expectStatus().isCreated();
		}

	}

	@Nested
	class Display {

		@Test
		void shouldDefaultTheDisplayNameToTheHandle() {
			Map<String, Object> body = valid();
			register(body).expectStatus()
				.isCreated()
				.expectBody()
				.jsonPath("$.displayName")
				.isEqualTo(body.get("handle"));
		}

		@Test
		void shouldRefuseADisplayNameOver50Characters() {
			expectFieldError(register(validWith("displayName", "x".repeat(51))), "displayName");
		}

	}

}
