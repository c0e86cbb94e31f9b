package io.murmur.user.web;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import io.murmur.user.Api;
import io.murmur.user.UserServiceIntegrationTest;

@UserServiceIntegrationTest
class PublicEndpointsIntegrationTests {

	private Api api;

	@BeforeEach
	void setUp(@LocalServerPort int port) {
		this.api = new Api(port);
	}

	@Test
	void shouldServeHealthProbesWithoutAToken() {
		this.api.client().get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
		this.api.client()
			.get()
			.uri("/actuator/health/readiness")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("UP");
	}

	@Test
	void shouldServeTheOpenApiDocumentWithoutAToken() {
		this.api.client()
			.get()
			.uri("/v3/api-docs")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.paths['/api/v1/auth/register'].post")
			.exists()
			.jsonPath("$.paths['/api/v1/users/me'].patch")
			.exists()
			.jsonPath("$.components.securitySchemes.bearer.scheme")
			.isEqualTo("bearer");
	}

	@Test
	void shouldServeTheJwksWithoutAToken() {
		this.api.client()
			.get()
			.uri("/.well-known/jwks.json")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.keys[0].kty")
			.isEqualTo("RSA")
			.jsonPath("$.keys[0].alg")
			.isEqualTo("RS256")
			.jsonPath("$.keys[0].d")
			.doesNotExist();
	}

	@Test
	void shouldKeepOtherActuatorEndpointsBehindAToken() {
		this.api.client().get().uri("/actuator/info").exchange().expectStatus().isUnauthorized();
	}

}
