package io.murmur.user.web;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.client.RestTestClient.BodyContentSpec;

import io.murmur.user.Api;
import io.murmur.user.UserServiceIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service's OpenAPI document says what a generated client needs to work unaided.
 */
@UserServiceIntegrationTest
class ApiDocumentIntegrationTests {

	private BodyContentSpec document;

	@BeforeEach
	void setUp(@LocalServerPort int port) {
		this.document = new Api(port).client().get().uri("/v3/api-docs").exchange().expectStatus().isOk().expectBody();
	}

	@Test
	void shouldNameItselfAndTheGateway() {
		this.document.jsonPath("$.info.title")
			.isEqualTo("Murmur users API")
			.jsonPath("$.info.version")
			.isEqualTo("v1")
			.jsonPath("$.servers[0].url")
			.isEqualTo("http://127.0.0.1:8080");
	}

	@Test
	void shouldDocumentRegistrationAsPublicAndCreated() {
		this.document.jsonPath("$.paths['/api/v1/auth/register'].post.operationId")
			.isEqualTo("register")
			.jsonPath("$.paths['/api/v1/auth/register'].post.security")
			.isEmpty()
			.jsonPath("$.paths['/api/v1/auth/register'].post.responses['201'].content['application/json']")
			.exists()
			.jsonPath("$.paths['/api/v1/auth/register'].post.responses['200']")
			.doesNotExist()
			.jsonPath("$.paths['/api/v1/auth/register'].post.responses['409'].content['application/problem+json']")
			.exists()
			.jsonPath("$.paths['/api/v1/auth/login'].post.security")
			.isEmpty()
			.jsonPath("$.paths['/api/v1/auth/logout'].post.security")
			.doesNotExist()
			.jsonPath("$.paths['/api/v1/auth/logout'].post.responses['401']")
			.exists();
	}

	@Test
	void shouldStateTheRulesOfARegistration() {
		String request = "$.components.schemas.RegisterRequest";
		this.document.jsonPath(request + ".required")
			.value((required) -> assertThat(required.toString()).contains("handle", "email", "password")
				.doesNotContain("displayName"))
			.jsonPath(request + ".properties.password.minLength")
			.isEqualTo(10)
			.jsonPath(request + ".properties.password.maxLength")
			.isEqualTo(128)
			.jsonPath(request + ".properties.handle.pattern")
			.isEqualTo("^(?:[A-Za-z0-9_]{3,30})$")
			.jsonPath(request + ".properties.displayName.maxLength")
			.isEqualTo(50)
			.jsonPath(request + ".properties.displayName.nullable")
			.isEqualTo(true);
	}

	@Test
	void shouldSayWhatAProfileAlwaysHasAndWhatMayBeNull() {
		String profile = "$.components.schemas.ProfileResponse";
		this.document.jsonPath(profile + ".required")
			.value((required) -> assertThat(required.toString())
				.contains("id", "handle", "displayName", "bio", "createdAt")
				.doesNotContain("avatarUrl"))
			.jsonPath(profile + ".properties.avatarUrl.nullable")
			.isEqualTo(true);
	}

}
