package io.murmur.graph.fanout;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.murmur.graph.GraphIntegrationTests;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * feed-service fans out from a Kafka consumer, where no user token exists, with a service
 * token of its own: the internal reads accept it, the public API does not.
 */
class ServiceTokenIntegrationTests extends GraphIntegrationTests {

	@Test
	void shouldServeTheFollowerIdsToAService() {
		long author = newUser();
		long first = newUser();
		long second = newUser();
		as(first, "POST", "/api/v1/users/" + author + "/follow");
		as(second, "POST", "/api/v1/users/" + author + "/follow");

		Response response = call("GET", "/internal/users/" + author + "/follower-ids", tokens.service("feed-service"));

		assertThat(response.status()).as(response.body()).isEqualTo(200);
		List<String> ids = new ArrayList<>();
		response.json().get("items").forEach((id) -> ids.add(id.asString()));
		assertThat(ids).containsExactly(Long.toString(first), Long.toString(second));
	}

	@Test
	void shouldForbidAServiceToFollowAnyone() {
		long author = newUser();

		Response response = call("POST", "/api/v1/users/" + author + "/follow", tokens.service("feed-service"));

		assertThat(response.status()).as(response.body()).isEqualTo(403);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.json().path("type").asString()).isEqualTo("https://murmur.example/problems/forbidden");
		assertThat(as(author, "GET", "/internal/users/" + author + "/counts").json().get("followersCount").asLong())
			.isZero();
	}

}
