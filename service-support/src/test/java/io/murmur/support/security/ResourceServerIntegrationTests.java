package io.murmur.support.security;

import java.time.Instant;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import io.murmur.support.app.Http.Response;
import io.murmur.support.app.SupportIntegrationTests;
import io.murmur.support.test.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;

class ResourceServerIntegrationTests extends SupportIntegrationTests {

	private static void assertUnauthorized(Response response) {
		assertThat(response.status()).as(response.body()).isEqualTo(401);
		assertThat(response.contentType()).isEqualTo("application/problem+json");
		assertThat(response.problem()).isEqualTo("unauthorized");
		assertThat(response.wwwAuthenticate()).startsWith("Bearer");
	}

	@Nested
	class UserTokens {

		@Test
		void shouldServeTheUserOfTheToken() {
			Response response = ResourceServerIntegrationTests.this.http.call("GET", "/api/v1/me", tokens.user(42));

			assertThat(response.status()).isEqualTo(200);
			assertThat(response.json().path("id").asString()).isEqualTo("42");
		}

		@Test
		void shouldServeInternalEndpoints() {
			Response response = ResourceServerIntegrationTests.this.http.call("GET", "/internal/whoami",
					tokens.user(42));

			assertThat(response.status()).isEqualTo(200);
			assertThat(response.json().path("user").asBoolean()).isTrue();
		}

		@Test
		void shouldRefuseAMissingToken() {
			assertUnauthorized(ResourceServerIntegrationTests.this.http.call("GET", "/api/v1/me", null));
			assertUnauthorized(ResourceServerIntegrationTests.this.http.call("GET", "/internal/whoami", null));
		}

		@Test
		void shouldRefuseAnExpiredToken() {
			Response response = ResourceServerIntegrationTests.this.http.call("GET", "/api/v1/me",
					tokens.expiredUser(42));

			assertUnauthorized(response);
			assertThat(response.wwwAuthenticate()).contains("invalid_token");
		}

		@Test
		void shouldRefuseATokenForAnotherAudience() {
			assertUnauthorized(ResourceServerIntegrationTests.this.http.call("GET", "/api/v1/me",
					tokens.userForAudience(42, "someone-else")));
		}

		@Test
		void shouldRefuseATokenOfAnotherIssuer() {
			assertUnauthorized(ResourceServerIntegrationTests.this.http.call("GET", "/api/v1/me", TestTokens
				.sign(tokens.key(), "42", "someone-else", TestTokens.AUDIENCE, null, Instant.now().plusSeconds(600))));
		}

		@Test
		void shouldRefuseATokenSignedByAnotherKey() {
			assertUnauthorized(ResourceServerIntegrationTests.this.http.call("GET", "/api/v1/me",
					TestTokens.sign(TestTokens.newKey("test-key"), "42", TestTokens.ISSUER, TestTokens.AUDIENCE, null,
							Instant.now().plusSeconds(600))));
		}

		@Test
		void shouldRefuseATokenWhoseSubjectIsNoUser() {
			assertUnauthorized(
					ResourceServerIntegrationTests.this.http.call("GET", "/api/v1/me", TestTokens.sign(tokens.key(),
							"admin", TestTokens.ISSUER, TestTokens.AUDIENCE, null, Instant.now().plusSeconds(600))));
		}

	}

	@Nested
	class ServiceTokens {

		@Test
		void shouldServeInternalEndpoints() {
			Response response = ResourceServerIntegrationTests.this.http.call("GET", "/internal/whoami",
					tokens.service("feed-service"));

			assertThat(response.status()).isEqualTo(200);
			assertThat(response.json().path("subject").asString()).isEqualTo("service:feed-service");
			assertThat(response.json().path("user").asBoolean()).isFalse();
		}

		@Test
		void shouldBeForbiddenOnThePublicApi() {
			Response response = ResourceServerIntegrationTests.this.http.call("GET", "/api/v1/me",
					tokens.service("feed-service"));

			assertThat(response.status()).isEqualTo(403);
			assertThat(response.contentType()).isEqualTo("application/problem+json");
			assertThat(response.problem()).isEqualTo("forbidden");
			assertThat(response.wwwAuthenticate()).startsWith("Bearer").contains("insufficient_scope");
		}

		@Test
		void shouldRefuseAServiceTokenWithoutTheInternalScope() {
			assertUnauthorized(ResourceServerIntegrationTests.this.http.call("GET", "/internal/whoami",
					TestTokens.sign(tokens.key(), "service:feed-service", TestTokens.ISSUER,
							TestTokens.INTERNAL_AUDIENCE, null, Instant.now().plusSeconds(600))));
		}

		@Test
		void shouldRefuseAServiceSubjectWithTheApiAudience() {
			assertUnauthorized(ResourceServerIntegrationTests.this.http.call("GET", "/internal/whoami",
					TestTokens.sign(tokens.key(), "service:feed-service", TestTokens.ISSUER, TestTokens.AUDIENCE,
							"internal", Instant.now().plusSeconds(600))));
		}

		@Test
		void shouldRefuseAUserSubjectWithTheInternalAudience() {
			assertUnauthorized(ResourceServerIntegrationTests.this.http.call("GET", "/internal/whoami",
					TestTokens.sign(tokens.key(), "42", TestTokens.ISSUER, TestTokens.INTERNAL_AUDIENCE, "internal",
							Instant.now().plusSeconds(600))));
		}

	}

	@Nested
	class PublicPaths {

		@Test
		void shouldServeHealthWithoutAToken() {
			assertThat(ResourceServerIntegrationTests.this.http.call("GET", "/actuator/health", null).status())
				.isEqualTo(200);
		}

		@Test
		void shouldServeAPublicEndpointAndIgnoreABrokenToken() {
			assertThat(ResourceServerIntegrationTests.this.http.call("GET", "/api/v1/open", null).status())
				.isEqualTo(200);
			assertThat(ResourceServerIntegrationTests.this.http.call("GET", "/api/v1/open", "not-a-token").status())
				.isEqualTo(200);
		}

	}

}
