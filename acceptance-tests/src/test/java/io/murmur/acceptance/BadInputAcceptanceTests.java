package io.murmur.acceptance;

import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import io.murmur.acceptance.Api.Response;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input from a client gets a clear 4xx problem+json through the gateway, never a 500.
 */
class BadInputAcceptanceTests {

	final Api api = new Api(MurmurPlatform.get().gatewayUrl());

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|',
			textBlock = """
					missing handle          | {"email":"a@example.com","password":"a long and unusual pass phrase"}                          | handle
					missing password        | {"handle":"someone_new","email":"a@example.com"}                                               | password
					handle of the wrong type| {"handle":5,"email":"a@example.com","password":"a long and unusual pass phrase"}             |
					handle too short        | {"handle":"ab","email":"ab@example.com","password":"a long and unusual pass phrase"}           | handle
					handle too long         | {"handle":"abcdefghijklmnopqrstuvwxyz12345","email":"l@example.com","password":"a long and unusual pass phrase"} | handle
					cyrillic look-alike     | {"handle":"аlice_x","email":"c@example.com","password":"a long and unusual pass phrase"}        | handle
					fullwidth letters       | {"handle":"ａｌｉｃｅ","email":"f@example.com","password":"a long and unusual pass phrase"}      | handle
					handle with a space     | {"handle":"al ice","email":"s@example.com","password":"a long and unusual pass phrase"}        | handle
					bad email               | {"handle":"someone_new","email":"not-an-email","password":"a long and unusual pass phrase"}    | email
					trivial password        | {"handle":"someone_new","email":"t@example.com","password":"password123"}                       | password
					short password          | {"handle":"someone_new","email":"t@example.com","password":"abc"}                              | password
					""")
	void shouldRefuseBadRegistrationsWith400(String name, String body, String field) {
		Response response = this.api.post("/api/v1/auth/register", body, null);
		assertThat(response.status()).as(response.toString()).isEqualTo(400);
		assertThat(response.contentType()).startsWith("application/problem+json");
		if (field != null) {
			assertThat(response.json().get("errors").findValuesAsString("field")).contains(field);
		}
	}

	@Test
	void shouldRefuseMalformedJson() {
		Response response = this.api.post("/api/v1/auth/register", "{\"handle\":", null);
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.contentType()).startsWith("application/problem+json");
	}

	@Test
	void shouldRefuseAnOversizedBodyWith413() {
		Response response = this.api.post("/api/v1/auth/register",
				"{\"handle\":\"big\",\"displayName\":\"" + "x".repeat(64 * 1024) + "\"}", null);
		assertThat(response.status()).isEqualTo(413);
		assertThat(response.contentType()).startsWith("application/problem+json");
	}

	@Test
	void shouldTreatHandlesThatDifferOnlyInCaseAsTheSame() {
		String handle = "case_" + UUID.randomUUID().toString().substring(0, 8);
		assertThat(register(handle, handle + "@example.com").status()).isEqualTo(201);
		Response again = register(handle.toUpperCase(), "other-" + handle + "@example.com");
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.json().get("type").asString()).isEqualTo("https://murmur.example/problems/handle-taken");
		Response sameEmail = register("other_" + handle, handle.toUpperCase() + "@EXAMPLE.com");
		assertThat(sameEmail.status()).isEqualTo(409);
		assertThat(sameEmail.json().get("type").asString()).isEqualTo("https://murmur.example/problems/email-taken");
	}

	@Test
	void shouldAnswerUnknownAndMalformedIdsWithProblems() {
		String token = this.api.newAccount().accessToken();
		assertThat(this.api.get("/api/v1/users/999999999999", token).status()).isEqualTo(404);
		Response malformed = this.api.get("/api/v1/users/not-a-number", token);
		assertThat(malformed.status()).isEqualTo(400);
		assertThat(malformed.contentType()).startsWith("application/problem+json");
	}

	private Response register(String handle, String email) {
		return this.api.post("/api/v1/auth/register", """
				{"handle":"%s","email":"%s","password":"a long and unusual pass phrase"}
				""".formatted(handle, email), null);
	}

}
