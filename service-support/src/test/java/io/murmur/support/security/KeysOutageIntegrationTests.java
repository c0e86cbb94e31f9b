package io.murmur.support.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.murmur.support.app.SupportTestApplication;
import io.murmur.support.test.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * user-service down after a service has fetched its keys, for longer than the keys' cache
 * time: the service goes on checking tokens with the keys it has, instead of answering
 * every request 503 until user-service is back.
 */
@SpringBootTest(classes = SupportTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class KeysOutageIntegrationTests {

	private static final TestTokens tokens = TestTokens.start();

	private static final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void keys(DynamicPropertyRegistry registry) {
		tokens.properties().forEach((key, value) -> registry.add(key, () -> value));
		registry.add("murmur.security.jwt.keys.refresh", () -> "2s");
	}

	@AfterAll
	static void stop() {
		tokens.close();
	}

	@Test
	void shouldGoOnCheckingTokensWithTheKeysItHasWhileUserServiceIsDown() throws Exception {
		assertThat(me(tokens.user(42)).statusCode()).isEqualTo(200);
		int fetched = tokens.keyFetches();
		tokens.keysDown(true);
		try {
			await().atMost(Duration.ofSeconds(20)).until(() -> {
				me(tokens.user(43));
				return tokens.keyFetches() > fetched;
			});
			Thread.sleep(Duration.ofSeconds(2));

			HttpResponse<String> response = me(tokens.user(44));

			assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
			assertThat(me("not-a-token").statusCode()).isEqualTo(401);
		}
		finally {
			tokens.keysDown(false);
		}
	}

	private HttpResponse<String> me(String token) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/v1/me"))
			.header("Authorization", "Bearer " + token)
			.build(), HttpResponse.BodyHandlers.ofString());
	}

}
