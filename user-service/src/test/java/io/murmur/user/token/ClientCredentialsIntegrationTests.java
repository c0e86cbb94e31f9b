package io.murmur.user.token;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.murmur.localstack.Store;
import io.murmur.localstack.spring.LocalStores;
import io.murmur.support.security.AccessTokenValidator;
import io.murmur.support.security.JwtProperties;
import io.murmur.user.Api;
import io.murmur.user.Api.Account;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Service tokens through the client credentials grant, against the real service on
 * PostgreSQL: one client configured with the hash of its secret, one with the secret
 * itself, both generated for this run.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@LocalStores({ Store.POSTGRES, Store.KAFKA })
class ClientCredentialsIntegrationTests {

	private static final String FEED_SECRET = UUID.randomUUID().toString();

	private static final String SEARCH_SECRET = UUID.randomUUID().toString();

	private static final HttpClient http = HttpClient.newHttpClient();

	private static final JsonMapper json = JsonMapper.builder().build();

	private String baseUrl;

	@DynamicPropertySource
	static void clients(DynamicPropertyRegistry registry) {
		registry.add("murmur.user.service-clients[0].id", () -> "feed-service");
		registry.add("murmur.user.service-clients[0].secret", () -> "{sha256}" + sha256(FEED_SECRET));
		registry.add("murmur.user.service-clients[1].id", () -> "search-service");
		registry.add("murmur.user.service-clients[1].secret", () -> SEARCH_SECRET);
	}

	@BeforeEach
	void setUp(@LocalServerPort int port) {
		this.baseUrl = "http://127.0.0.1:" + port;
	}

	@Nested
	class GoodCredentials {

		@Test
		void shouldIssueAServiceTokenThatOtherServicesAccept() {
			HttpResponse<String> response = token(basic("feed-service", FEED_SECRET), "grant_type=client_credentials");

			assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
			assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
			JsonNode body = json.readTree(response.body());
			assertThat(body.path("token_type").asString()).isEqualTo("Bearer");
			assertThat(body.path("expires_in").asLong()).isEqualTo(900);
			Jwt token = resourceServerDecoder().decode(body.path("access_token").asString());
			assertThat(token.getSubject()).isEqualTo("service:feed-service");
			assertThat(token.getAudience()).containsExactly("murmur-internal");
			assertThat(token.getClaimAsString("iss")).isEqualTo("murmur-user-service");
			assertThat(token.getClaimAsString("scope")).isEqualTo("internal");
			assertThat(Duration.between(token.getIssuedAt(), token.getExpiresAt())).isEqualTo(Duration.ofMinutes(15));
		}

		@Test
		void shouldAcceptAClientConfiguredWithItsPlainSecretAndTheInternalScope() {
			HttpResponse<String> response = token(basic("search-service", SEARCH_SECRET),
					"grant_type=client_credentials&scope=internal");

			assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
			assertThat(resourceServerDecoder().decode(json.readTree(response.body()).path("access_token").asString())
				.getSubject()).isEqualTo("service:search-service");
		}

		@Test
		void shouldLetTheServiceTokenReadInternalEndpointsOnly() {
			String token = json
				.readTree(token(basic("feed-service", FEED_SECRET), "grant_type=client_credentials").body())
				.path("access_token")
				.asString();
			Api api = new Api(port());
			Account account = api.register();

			api.client()
				.post()
				.uri("/internal/users/batch")
				.headers((headers) -> headers.setBearerAuth(token))
				.contentType(org.springframework.http.MediaType.APPLICATION_JSON)
				.body("{\"ids\":[\"" + account.id() + "\"]}")
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.items[0].handle")
				.isEqualTo(account.user().handle());
			api.get("/api/v1/users/me", token)
				.expectStatus()
				.isForbidden()
				.expectBody()
				.jsonPath("$.type")
				.isEqualTo("https://murmur.example/problems/forbidden");
		}

	}

	@Nested
	class BadRequests {

		@Test
		void shouldRefuseAWrongSecret() {
			assertInvalidClient(token(basic("feed-service", SEARCH_SECRET), "grant_type=client_credentials"));
		}

		@Test
		void shouldRefuseAnUnknownClient() {
			assertInvalidClient(token(basic("nobody", FEED_SECRET), "grant_type=client_credentials"));
		}

		@Test
		void shouldRefuseARequestWithoutClientAuthentication() {
			assertInvalidClient(token(null, "grant_type=client_credentials"));
			assertInvalidClient(
					token(null, "grant_type=client_credentials&client_id=feed-service&client_secret=" + FEED_SECRET));
		}

		@Test
		void shouldRefuseAnotherGrant() {
			HttpResponse<String> response = token(basic("feed-service", FEED_SECRET),
					"grant_type=password&username=a&password=b");

			assertOAuthError(response, 400, "unsupported_grant_type");
		}

		@Test
		void shouldRefuseAMissingGrantOrAnotherScope() {
			assertOAuthError(token(basic("feed-service", FEED_SECRET), "scope=internal"), 400, "invalid_request");
			assertOAuthError(token(basic("feed-service", FEED_SECRET), "grant_type=client_credentials&scope=admin"),
					400, "invalid_scope");
		}

		private static void assertInvalidClient(HttpResponse<String> response) {
			assertOAuthError(response, 401, "invalid_client");
			assertThat(response.headers().firstValue("WWW-Authenticate"))
				.hasValueSatisfying((value) -> assertThat(value).startsWith("Basic"));
		}

		private static void assertOAuthError(HttpResponse<String> response, int status, String error) {
			assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
			assertThat(response.headers().firstValue("Content-Type"))
				.hasValueSatisfying((value) -> assertThat(value).startsWith("application/json"));
			JsonNode body = json.readTree(response.body());
			assertThat(body.path("error").asString()).isEqualTo(error);
			assertThat(body.has("access_token")).isFalse();
		}

	}

	private int port() {
		return URI.create(this.baseUrl).getPort();
	}

	/**
	 * The decoder graph-service and post-service build: user-service's JWKS, RS256, and
	 * their validator.
	 */
	private NimbusJwtDecoder resourceServerDecoder() {
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(this.baseUrl + "/.well-known/jwks.json")
			.jwsAlgorithm(SignatureAlgorithm.RS256)
			.build();
		decoder.setJwtValidator(new AccessTokenValidator(new JwtProperties(null, "murmur-user-service", "murmur-api",
				"murmur-internal", new JwtProperties.Keys(Duration.ofMinutes(5), Duration.ofHours(24)))));
		return decoder;
	}

	private HttpResponse<String> token(@Nullable String authorization, String form) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.baseUrl + "/internal/oauth2/token"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form));
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		try {
			return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String basic(String clientId, String secret) {
		return "Basic "
				+ Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
	}

	private static String sha256(String secret) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
