package io.murmur.acceptance;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.murmur.acceptance.Api.Account;
import io.murmur.acceptance.Api.Response;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A service's own token, got from user-service with the client credentials grant the way
 * a Kafka consumer of feed-service gets one: the real services accept it on their
 * internal endpoints only, and the gateway never lets it through.
 */
class ServiceTokenAcceptanceTests {

	private static final HttpClient http = HttpClient.newHttpClient();

	private static final JsonMapper json = JsonMapper.builder().build();

	@Test
	void shouldReadInternalEndpointsOfEveryServiceWithAServiceToken() {
		MurmurPlatform platform = MurmurPlatform.get();
		Api gateway = new Api(platform.gatewayUrl());
		Account author = gateway.newAccount();
		Account follower = gateway.newAccount();
		assertThat(gateway.post("/api/v1/users/" + author.id() + "/follow", null, follower.accessToken()).status())
			.isEqualTo(204);
		String postId = gateway.post("/api/v1/posts", "{\"text\":\"hello followers\"}", author.accessToken())
			.json()
			.get("id")
			.asString();
		String token = serviceToken(platform);

		Response followers = new Api(platform.graphServiceUrl()).get("/internal/users/" + author.id() + "/follower-ids",
				token);
		Response users = new Api(platform.userServiceUrl()).post("/internal/users/batch",
				"{\"ids\":[\"" + author.id() + "\"]}", token);
		Response posts = new Api(platform.postServiceUrl()).post("/internal/posts/batch",
				"{\"ids\":[\"" + postId + "\"]}", token);

		assertThat(followers.status()).as(followers.body()).isEqualTo(200);
		assertThat(followers.json().get("items").get(0).asString()).isEqualTo(follower.id());
		assertThat(users.status()).as(users.body()).isEqualTo(200);
		assertThat(users.json().get("items").get(0).get("handle").asString()).isEqualTo(author.handle());
		assertThat(posts.status()).as(posts.body()).isEqualTo(200);
		assertThat(posts.json().get("items").get(0).get("text").asString()).isEqualTo("hello followers");
	}

	@Test
	void shouldKeepAServiceTokenOffThePublicApi() {
		MurmurPlatform platform = MurmurPlatform.get();
		Account someone = new Api(platform.gatewayUrl()).newAccount();
		String token = serviceToken(platform);

		Response direct = new Api(platform.graphServiceUrl()).post("/api/v1/users/" + someone.id() + "/follow", null,
				token);
		Response throughGateway = new Api(platform.gatewayUrl()).get("/api/v1/users/me", token);

		assertThat(direct.status()).as(direct.body()).isEqualTo(403);
		assertThat(direct.json().get("type").asString()).isEqualTo("https://murmur.example/problems/forbidden");
		assertThat(throughGateway.status()).as(throughGateway.body()).isEqualTo(401);
	}

	@Test
	void shouldRefuseAServiceTokenForAWrongSecret() throws Exception {
		HttpResponse<String> response = tokenRequest(MurmurPlatform.get(), "not-the-secret");

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(json.readTree(response.body()).get("error").asString()).isEqualTo("invalid_client");
	}

	static String serviceToken(MurmurPlatform platform) {
		try {
			HttpResponse<String> response = tokenRequest(platform, platform.testClientSecret());
			assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
			JsonNode body = json.readTree(response.body());
			assertThat(body.get("token_type").asString()).isEqualTo("Bearer");
			return body.get("access_token").asString();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static HttpResponse<String> tokenRequest(MurmurPlatform platform, String secret) throws Exception {
		String credentials = Base64.getEncoder()
			.encodeToString((MurmurPlatform.TEST_CLIENT_ID + ":" + secret).getBytes(StandardCharsets.UTF_8));
		HttpRequest request = HttpRequest.newBuilder(URI.create(platform.userServiceUrl() + "/internal/oauth2/token"))
			.header("Authorization", "Basic " + credentials)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
			.build();
		return http.send(request, HttpResponse.BodyHandlers.ofString());
	}

}
