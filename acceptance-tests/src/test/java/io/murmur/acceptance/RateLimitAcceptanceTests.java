package io.murmur.acceptance;

import org.junit.jupiter.api.Test;

import io.murmur.acceptance.Api.Account;
import io.murmur.acceptance.Api.Response;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Request budgets in Redis, through a gateway replica configured with tight ones: writes
 * per user, sign-in attempts per client IP.
 */
class RateLimitAcceptanceTests {

	final Api strict = new Api(MurmurPlatform.get().strictGatewayUrl());

	final Api api = new Api(MurmurPlatform.get().gatewayUrl());

	@Test
	void shouldLimitWritesPerUser() {
		Account alice = this.api.newAccount();
		Account bob = this.api.newAccount();
		Response response = null;
		for (int i = 0; i < 6; i++) {
			response = this.strict.patch("/api/v1/users/me", "{\"bio\":\"burst " + i + "\"}", alice.accessToken());
			if (response.status() == 429) {
				break;
			}
			assertThat(response.status()).isEqualTo(200);
		}
		assertThat(response.status()).isEqualTo(429);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.json().get("type").asString()).isEqualTo("https://murmur.example/problems/rate-limited");
		assertThat(Integer.parseInt(response.headers().firstValue("Retry-After").orElseThrow())).isBetween(1, 60);
		assertThat(this.strict.patch("/api/v1/users/me", "{\"bio\":\"mine\"}", bob.accessToken()).status())
			.as("another user has a budget of their own")
			.isEqualTo(200);
	}

	@Test
	void shouldLimitSignInAttemptsPerClientIp() {
		Response response = null;
		for (int i = 0; i < 6; i++) {
			response = this.strict.post("/api/v1/auth/login", "{\"login\":\"nobody" + i + "\",\"password\":\"x\"}",
					null);
			if (response.status() == 429) {
				break;
			}
			assertThat(response.status()).isEqualTo(401);
		}
		assertThat(response.status()).isEqualTo(429);
		assertThat(response.headers().firstValue("Retry-After")).isPresent();
	}

}
