package io.murmur.acceptance;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.murmur.acceptance.Api.Response;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every identity route refuses a bad token with 401 problem+json, at the gateway and at
 * user-service itself (defence in depth).
 */
class AuthenticationAcceptanceTests {

	static final List<String[]> routes = List.of(new String[] { "GET", "/api/v1/users/me" },
			new String[] { "PATCH", "/api/v1/users/me" }, new String[] { "GET", "/api/v1/users/1" },
			new String[] { "GET", "/api/v1/users/by-handle/alice" }, new String[] { "POST", "/api/v1/auth/logout" });

	static Stream<Arguments> badTokens() {
		MurmurPlatform platform = MurmurPlatform.get();
		Instant later = Instant.now().plus(Duration.ofMinutes(10));
		return Stream.of(Arguments.of("no token", null), Arguments.of("malformed token", "Bearer abc.def.ghi"),
				Arguments.of("expired token",
						Tokens.sign(platform.signingKey(), "1", Tokens.AUDIENCE, Instant.now().minusSeconds(120))),
				Arguments.of("bad signature",
						Tokens.sign(MurmurPlatform.newKey(MurmurPlatform.KEY_ID), "1", Tokens.AUDIENCE, later)),
				Arguments.of("wrong audience", Tokens.sign(platform.signingKey(), "1", "another-api", later)));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("badTokens")
	void shouldRefuseABadTokenAtTheGatewayAndAtTheService(String name, String token) {
		for (String baseUrl : List.of(MurmurPlatform.get().gatewayUrl(), MurmurPlatform.get().userServiceUrl())) {
			Api api = new Api(baseUrl);
			for (String[] route : routes) {
				Response response = api.send(route[0], route[1],
						route[0].equals("GET") ? null : "{\"refreshToken\":\"x\",\"displayName\":\"x\"}", token);
				assertThat(response.status()).as("%s %s at %s", route[0], route[1], baseUrl).isEqualTo(401);
				assertThat(response.contentType()).startsWith("application/problem+json");
				assertThat(response.json().get("type").asString())
					.isEqualTo("https://murmur.example/problems/unauthorized");
			}
		}
	}

}
