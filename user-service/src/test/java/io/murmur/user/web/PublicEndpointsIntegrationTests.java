package io.murmur.user.web;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.murmur.user.Api;
import io.murmur.user.UserServiceIntegrationTest;

@UserServiceIntegrationTest
class PublicEndpointsIntegrationTests {

	private Api api;

	private Api management;

	@BeforeEach
	void setUp(@LocalServerPort int port, @LocalManagementPort int managementPort) {
		this.api = new Api(port);
		this.management = new Api(managementPort);
	}

	@Test
	void shouldServeHealthProbesWithoutATokenOnTheManagementPortOnly() {
		this.api.client().get().uri("/actuator/health/liveness").exchange().expectStatus().isNotFound();
		this.management.client().get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
		this.management.client()
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
	void shouldServeMetricsWithoutATokenOnTheManagementPort() {
		this.management.client()
			.get()
			.uri("/actuator/prometheus")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((body) -> org.assertj.core.api.Assertions.assertThat(body).contains("jvm_memory_used_bytes"));
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
