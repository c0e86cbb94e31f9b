package io.murmur.user.auth;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import io.murmur.user.Api;
import io.murmur.user.StubMediaService;
import io.murmur.user.Api.TokensJson;
import io.murmur.user.UserServiceIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

@UserServiceIntegrationTest
class AuthJourneyIntegrationTests {

	private Api api;

	@BeforeEach
	void setUp(@LocalServerPort int port) {
		this.api = new Api(port);
	}

	@Test
	void shouldRegisterLogInChangeProfileRefreshAndLogOut() {
		String handle = Api.uniqueHandle();
		RestTestClient client = this.api.client();
		Map<String, Object> user = client.post()
			.uri("/api/v1/auth/register")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("handle", handle, "email", handle.toUpperCase() + "@Example.COM", "password", Api.PASSWORD,
					"displayName", "Ada Lovelace"))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectHeader()
			.valueMatches("Location", "/api/v1/users/\\d+")
			.expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.returnResult()
			.getResponseBody();
		assertThat(user)
			.containsOnlyKeys("id", "handle", "displayName", "bio", "avatarUrl", "avatarPreviewUrl", "avatarSmallUrl",
					"createdAt")
			.containsEntry("handle", handle)
			.containsEntry("displayName", "Ada Lovelace")
			.containsEntry("bio", "")
			.containsEntry("avatarUrl", null);
		assertThat(user.get("id")).isInstanceOf(String.class);
		assertThat(Instant.parse((String) user.get("createdAt"))).isBefore(Instant.now().plusSeconds(1));
		String id = (String) user.get("id");
		long avatar = StubMediaService.INSTANCE.uploadImage(Long.parseLong(id));

		TokensJson tokens = this.api.login(handle.toLowerCase() + "@example.com", Api.PASSWORD);
		assertThat(tokens.tokenType()).isEqualTo("Bearer");
		assertThat(tokens.expiresIn()).isEqualTo(900);
		assertThat(tokens.refreshToken()).matches("[A-Za-z0-9_-]{43}");

		this.api.get("/api/v1/users/me", tokens.accessToken())
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.id")
			.isEqualTo(id)
			.jsonPath("$.handle")
			.isEqualTo(handle);

		client.patch()
			.uri("/api/v1/users/me")
			.headers((headers) -> headers.setBearerAuth(tokens.accessToken()))
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("bio", "Poet of numbers 🧮", "avatarMediaId", Long.toString(avatar)))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.displayName")
			.isEqualTo("Ada Lovelace")
			.jsonPath("$.bio")
			.isEqualTo("Poet of numbers 🧮")
			.jsonPath("$.avatarUrl")
			.value(String.class,
					(url) -> assertThat(url).startsWith("http://s3.example/media/" + avatar + "/original.jpg"));

		TokensJson refreshed = this.api.refresh(tokens.refreshToken())
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueMatches("Cache-Control", ".*no-store.*")
			.expectBody(TokensJson.class)
			.returnResult()
			.getResponseBody();
		assertThat(refreshed.refreshToken()).isNotEqualTo(tokens.refreshToken());
		this.api.get("/api/v1/users/me", refreshed.accessToken())
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.bio")
			.isEqualTo("Poet of numbers 🧮");

		client.post()
			.uri("/api/v1/auth/logout")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("refreshToken", refreshed.refreshToken()))
			.exchange()
			.expectStatus()
			.isUnauthorized();
		this.api.refresh(refreshed.refreshToken()).expectStatus().isOk();
	}

	@Test
	void shouldLogOutOnlyTheCallersOwnSession() {
		TokensJson aliceTokens = this.api.login(this.api.register());
		TokensJson bobTokens = this.api.login(this.api.register());
		RestTestClient client = this.api.client();
		client.post()
			.uri("/api/v1/auth/logout")
			.header("Authorization", "Bearer " + aliceTokens.accessToken())
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("refreshToken", bobTokens.refreshToken()))
			.exchange()
			.expectStatus()
			.isNoContent();
		TokensJson bobRefreshed = this.api.refresh(bobTokens.refreshToken())
			.expectStatus()
			.isOk()
			.expectBody(TokensJson.class)
			.returnResult()
			.getResponseBody();

		client.post()
			.uri("/api/v1/auth/logout")
			.header("Authorization", "Bearer " + bobRefreshed.accessToken())
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("refreshToken", bobRefreshed.refreshToken()))
			.exchange()
			.expectStatus()
			.isNoContent();

		this.api.refresh(bobRefreshed.refreshToken())
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://murmur.example/problems/invalid-refresh-token");
	}

}
