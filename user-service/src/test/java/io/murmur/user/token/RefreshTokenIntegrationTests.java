package io.murmur.user.token;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;

import io.murmur.user.Api;
import io.murmur.user.Api.Account;
import io.murmur.user.Api.TokensJson;
import io.murmur.user.UserServiceIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

@UserServiceIntegrationTest
class RefreshTokenIntegrationTests {

	private Api api;

	@BeforeEach
	void setUp(@LocalServerPort int port) {
		this.api = new Api(port);
	}

	@Test
	void shouldRevokeTheWholeFamilyWhenARotatedTokenIsPresentedAgain() {
		Account account = this.api.register();
		TokensJson first = this.api.login(account);
		TokensJson second = refreshed(first.refreshToken());

		expectInvalid(first.refreshToken());
		expectInvalid(second.refreshToken());
	}

	@Test
	void shouldKeepOtherSessionsWhenOneFamilyIsRevoked() {
		Account account = this.api.register();
		TokensJson phone = this.api.login(account);
		TokensJson laptop = this.api.login(account);
		refreshed(phone.refreshToken());
		expectInvalid(phone.refreshToken());

		assertThat(refreshed(laptop.refreshToken()).refreshToken()).isNotBlank();
	}

	@Test
	void shouldRotateOnEveryRefresh() {
		Account account = this.api.register();
		TokensJson tokens = this.api.login(account);
		for (int i = 0; i < 3; i++) {
			TokensJson next = refreshed(tokens.refreshToken());
			assertThat(next.refreshToken()).isNotEqualTo(tokens.refreshToken());
			this.api.get("/api/v1/users/me", next.accessToken()).expectStatus().isOk();
			tokens = next;
		}
	}

	@Test
	void shouldLetOnlyOneOfTwoConcurrentRefreshesWithTheSameTokenSucceed() throws Exception {
		Account account = this.api.register();
		String refreshToken = this.api.login(account).refreshToken();
		Callable<HttpStatusCode> refresh = () -> this.api.refresh(refreshToken).returnResult().getStatus();
		try (ExecutorService executor = Executors.newFixedThreadPool(2)) {
			List<Future<HttpStatusCode>> results = executor.invokeAll(List.of(refresh, refresh));
			assertThat(results).extracting(Future::get)
				.extracting(HttpStatusCode::value)
				.containsExactlyInAnyOrder(200, 401);
		}
	}

	@Test
	void shouldRefuseUnknownAndMissingRefreshTokens() {
		expectInvalid("x".repeat(43));
		this.api.client()
			.post()
			.uri("/api/v1/auth/refresh")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of())
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("refreshToken");
	}

	@Test
	void shouldIgnoreAStaleAccessTokenSentWithARefresh() {
		Account account = this.api.register();
		TokensJson tokens = this.api.login(account);
		this.api.client()
			.post()
			.uri("/api/v1/auth/refresh")
			.headers((headers) -> headers.setBearerAuth("not-a-valid-token"))
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("refreshToken", tokens.refreshToken()))
			.exchange()
			.expectStatus()
			.isOk();
	}

	private TokensJson refreshed(String refreshToken) {
		return this.api.refresh(refreshToken)
			.expectStatus()
			.isOk()
			.expectBody(TokensJson.class)
			.returnResult()
			.getResponseBody();
	}

	private void expectInvalid(String refreshToken) {
		this.api.refresh(refreshToken)
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://murmur.example/problems/invalid-refresh-token")
			.jsonPath("$.status")
			.isEqualTo(401);
	}

}
