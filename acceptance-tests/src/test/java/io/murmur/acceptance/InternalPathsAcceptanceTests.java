package io.murmur.acceptance;

import org.junit.jupiter.api.Test;

import io.murmur.acceptance.Api.Account;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Internal endpoints and the services' actuators exist, but the gateway never routes to
 * them.
 */
class InternalPathsAcceptanceTests {

	@Test
	void shouldNotExposeInternalEndpointsThroughTheGateway() {
		Api gateway = new Api(MurmurPlatform.get().gatewayUrl());
		Api userService = new Api(MurmurPlatform.get().userServiceUrl());
		Account account = gateway.newAccount();
		String batch = "{\"ids\":[\"" + account.id() + "\"]}";

		assertThat(userService.post("/internal/users/batch", batch, account.accessToken()).status())
			.as("the endpoint is real")
			.isEqualTo(200);
		assertThat(gateway.post("/internal/users/batch", batch, account.accessToken()).status()).isEqualTo(404);
		assertThat(gateway.post("/api/v1/users/..%2F..%2Finternal/users/batch", batch, account.accessToken()).status())
			.isIn(400, 404);
		assertThat(gateway.get("/actuator/env", account.accessToken()).status()).isEqualTo(404);
	}

}
