package io.murmur.user.auth;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.test.web.servlet.client.RestTestClient.ResponseSpec;

import io.murmur.user.Api;
import io.murmur.user.Api.Account;
import io.murmur.user.UserServiceIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

@UserServiceIntegrationTest
class LoginIntegrationTests {

	private static final String PROBLEMS = "https://murmur.example/problems/";

	@LocalServerPort
	private int port;

	private Api api;

	@BeforeEach
	void setUp() {
		this.api = new Api(this.port);
	}

	private ResponseSpec login(Api from, String login, String password) {
		return from.client()
			.post()
			.uri("/api/v1/auth/login")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("login", login, "password", password))
			.exchange();
	}

	private void expectInvalidCredentials(ResponseSpec response) {
		response.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo(PROBLEMS + "invalid-credentials")
			.jsonPath("$.detail")
			.isEqualTo("The login or the password is wrong");
	}

	@Test
	void shouldLogInByHandleInAnyCaseAndByEmail() {
		Account account = this.api.register();
		this.api.login(account.user().handle().toUpperCase(), Api.PASSWORD);
		this.api.login(account.email().toUpperCase(), Api.PASSWORD);
	}

	@Test
	void shouldAnswerAWrongPasswordAndAnUnknownAccountAlike() {
		Account account = this.api.register();
		expectInvalidCredentials(login(this.api, account.user().handle(), "wrong password!"));
		expectInvalidCredentials(login(this.api, "nobody_" + Api.uniqueHandle(), "wrong password!"));
	}

	@Test
	void shouldThrottleAnAccountAfterFiveFailuresEvenWithTheRightPassword() {
		Account account = this.api.register();
		for (int i = 0; i < 5; i++) {
			Api attacker = new Api(this.port);
			expectInvalidCredentials(login(attacker, account.user().handle(), "guess number " + i));
		}
		String retryAfter = login(new Api(this.port), account.email(), Api.PASSWORD).expectStatus()
			.isEqualTo(429)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo(PROBLEMS + "too-many-login-attempts")
			.returnResult()
			.getResponseHeaders()
			.getFirst(HttpHeaders.RETRY_AFTER);
		assertThat(Long.parseLong(retryAfter)).isBetween(1L, 15L * 60);
	}

	@Test
	void shouldThrottleUnknownAccountsLikeKnownOnes() {
		String unknown = "ghost_" + Api.uniqueHandle();
		for (int i = 0; i < 5; i++) {
			expectInvalidCredentials(login(new Api(this.port), unknown, "guess number " + i));
		}
		login(new Api(this.port), unknown, "guess number 6").expectStatus().isEqualTo(429);
	}

	@Test
	void shouldThrottleAClientAfterTwentyFailuresAcrossAccounts() {
		Account victim = this.api.register();
		for (int i = 0; i < 20; i++) {
			expectInvalidCredentials(login(this.api, "ghost_" + i + "_" + Api.uniqueHandle(), "guess number " + i));
		}
		login(this.api, victim.user().handle(), Api.PASSWORD).expectStatus()
			.isEqualTo(429)
			.expectHeader()
			.exists(HttpHeaders.RETRY_AFTER);
		new Api(this.port).login(victim.user().handle(), Api.PASSWORD);
	}

	@Test
	void shouldClearAnAccountsFailuresOnSuccess() {
		Account account = this.api.register();
		for (int i = 0; i < 4; i++) {
			expectInvalidCredentials(login(this.api, account.user().handle(), "guess number " + i));
		}
		this.api.login(account);
		for (int i = 0; i < 4; i++) {
			expectInvalidCredentials(login(this.api, account.user().handle(), "guess number " + i));
		}
		this.api.login(account);
	}

	@Test
	void shouldRequireLoginAndPassword() {
		this.api.client()
			.post()
			.uri("/api/v1/auth/login")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("login", ""))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[?(@.field == 'login')]")
			.exists()
			.jsonPath("$.errors[?(@.field == 'password')]")
			.exists();
	}

	@Test
	void shouldRefuseALoginWithAControlCharacterAsInvalidNotFail() {
		this.api.client()
			.post()
			.uri("/api/v1/auth/login")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("login", "a\u0000b", "password", "1"))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[?(@.field == 'login')]")
			.exists();
	}

}
