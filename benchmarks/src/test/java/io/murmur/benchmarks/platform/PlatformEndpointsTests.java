package io.murmur.benchmarks.platform;

import java.net.URI;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class PlatformEndpointsTests {

	private static final String STATE = """
			{
			  "daemonPid": 26644,
			  "phase": "running",
			  "components": [
			    {"name": "redis", "kind": "store", "healthy": true, "endpoint": "redis://127.0.0.1:45789"},
			    {"name": "user-service", "kind": "service", "healthy": true, "endpoint": "http://127.0.0.1:8081"},
			    {"name": "post-service", "kind": "service", "healthy": false, "endpoint": "http://127.0.0.1:8083"}
			  ]
			}
			""";

	@Test
	void shouldGiveTheEndpointOfAHealthyComponent() {
		PlatformEndpoints endpoints = PlatformEndpoints.parse(STATE);
		assertThat(endpoints.require("redis")).isEqualTo(URI.create("redis://127.0.0.1:45789"));
		assertThat(endpoints.require("redis").getPort()).isEqualTo(45789);
		assertThat(endpoints.has("user-service")).isTrue();
	}

	@Test
	void shouldRefuseAnUnhealthyOrMissingComponent() {
		PlatformEndpoints endpoints = PlatformEndpoints.parse(STATE);
		assertThat(endpoints.has("post-service")).isFalse();
		assertThatIllegalStateException().isThrownBy(() -> endpoints.require("feed-service"))
			.withMessageContaining("feed-service");
	}

}
