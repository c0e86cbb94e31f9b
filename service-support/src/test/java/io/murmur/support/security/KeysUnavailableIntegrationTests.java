package io.murmur.support.security;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.murmur.support.app.SupportTestApplication;
import io.murmur.support.test.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A service whose token keys cannot be fetched, as when user-service is down and the
 * service has just started: a request with a token is a 503 problem the client may retry,
 * not a 500, and not a 401 that would sign a client out for the platform's trouble.
 */
@SpringBootTest(classes = SupportTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class KeysUnavailableIntegrationTests {

	private static final TestTokens tokens = TestTokens.start();

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void keysNowhere(DynamicPropertyRegistry registry) {
		tokens.properties().forEach((key, value) -> registry.add(key, () -> value));
		registry.add("murmur.security.jwt.jwk-set-uri",
				() -> "http://127.0.0.1:" + closedPort() + TestTokens.JWKS_PATH);
	}

	@AfterAll
	static void stop() {
		tokens.close();
	}

	@Test
	void shouldAnswerServiceUnavailableWhenTheKeysCannotBeFetched() throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/v1/me"))
				.header("Authorization", "Bearer " + tokens.user(42))
				.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(response.headers().firstValue("Retry-After")).hasValue("1");
		assertThat(response.body()).contains("service-unavailable").doesNotContain("Exception");
	}

	private static int closedPort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
