package io.murmur.gateway;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.nimbusds.jose.jwk.RSAKey;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import io.murmur.localstack.LocalStack;
import io.murmur.localstack.Store;
import io.murmur.localstack.spring.LocalStores;
import io.murmur.reliability.http.RawHttp;
import io.murmur.reliability.http.RawRequest;
import io.murmur.reliability.http.RawResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway against stand-in services and a real Redis: routing, token checks, rate
 * limits, breakers, limits and CORS, as a client sees them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "murmur.gateway.rate-limits.write.requests=5", "murmur.gateway.rate-limits.auth.requests=4",
				"murmur.gateway.route-timeout=1s", "murmur.gateway.max-request-body=4KB",
				"murmur.gateway.routes.media.max-request-body=64KB", "murmur.gateway.routes.media.timeout=6s",
				"murmur.gateway.cors.allowed-origins=https://app.murmur.example",
				"spring.cloud.gateway.server.webflux.httpclient.pool.max-idle-time=1s" })
@LocalStores(Store.REDIS)
@Import(GatewayIntegrationTests.ThreadProbe.class)
class GatewayIntegrationTests {

	static final StubService upstream = new StubService();

	static final RSAKey signingKey = TestTokens.newKey("key-1");

	static final int closedPort = closedPort();

	@LocalServerPort
	int port;

	WebTestClient client;

	@DynamicPropertySource
	static void services(DynamicPropertyRegistry registry) {
		upstream.jwks(() -> TestTokens.jwks(signingKey));
		for (String service : List.of("user", "post", "media", "feed", "notification", "search")) {
			registry.add("murmur.gateway.services." + service, upstream::url);
		}
		registry.add("murmur.gateway.services.graph", () -> "http://127.0.0.1:" + closedPort);
		registry.add("murmur.gateway.jwt.jwk-set-uri", () -> upstream.url() + "/.well-known/jwks.json");
	}

	@AfterAll
	static void stopUpstream() {
		upstream.close();
	}

	@BeforeEach
	void setUp() {
		upstream.reset();
		this.client = WebTestClient.bindToServer()
			.baseUrl("http://127.0.0.1:" + this.port)
			.responseTimeout(Duration.ofSeconds(30))
			.build();
	}

	/**
	 * Notes the thread each request tagged with {@value #HEADER} goes on with, right
	 * after the rate limiter.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	static class ThreadProbe {

		static final String HEADER = "X-Test-Probe";

		static final Map<String, String> threads = new ConcurrentHashMap<>();

		@Bean
		WebFilter threadProbe() {
			return new ProbeFilter();
		}

		private static final class ProbeFilter implements WebFilter, Ordered {

			@Override
			public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
				String probe = exchange.getRequest().getHeaders().getFirst(HEADER);
				if (probe != null) {
					threads.put(probe, Thread.currentThread().getName());
				}
				return chain.filter(exchange);
			}

			@Override
			public int getOrder() {
				return 1;
			}

		}

	}

	static String newUser() {
		return Long.toString(Math.abs(UUID.randomUUID().getMostSignificantBits()));
	}

	@Nested
	class Routing {

		@Test
		void shouldForwardAnAuthenticatedRequestWithRequestIdAndTraceContext() {
			String token = TestTokens.valid(signingKey, newUser());
			GatewayIntegrationTests.this.client.get()
				.uri("/api/v1/users/me")
				.header("Authorization", "Bearer " + token)
				.header("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")
				.exchange()
				.expectStatus()
				.isOk()
				.expectHeader()
				.exists("X-Request-Id");
			List<StubService.Received> received = upstream.received("/api/v1/users/me");
			assertThat(received).hasSize(1);
			assertThat(received.get(0).headers().getFirst("Authorization")).isEqualTo("Bearer " + token);
			assertThat(received.get(0).headers().getFirst("X-Request-Id")).isNotBlank();
			assertThat(received.get(0).headers().getFirst("traceparent"))
				.startsWith("00-4bf92f3577b34da6a3ce929d0e0e4736-");
		}

		/**
		 * user-service counts failed sign-ins per client by {@code X-Forwarded-For}: the
		 * service must learn the address the gateway saw, and never one the client wrote.
		 */
		@Test
		void shouldNameTheClientItSawToTheServiceAndNoAddressTheClientClaims() {
			RawResponse response = new RawHttp("http://127.0.0.1:" + GatewayIntegrationTests.this.port,
					Duration.ofSeconds(30))
				.from("127.0.3.7")
				.send(RawRequest.json("GET", "/api/v1/users/me", null, "claims another address")
					.withToken(TestTokens.valid(signingKey, newUser()))
					.withHeader("X-Forwarded-For", "198.51.100.9")
					.withHeader("X-Real-IP", "198.51.100.9")
					.withHeader("Forwarded", "for=198.51.100.9"));
			assertThat(response.status()).as(response.toString()).isEqualTo(200);
			StubService.Received received = upstream.received("/api/v1/users/me").getLast();
			assertThat(received.headers().get("X-Forwarded-For")).containsExactly("127.0.3.7");
			assertThat(received.headers()).doesNotContainKeys("X-Real-IP", "Forwarded");
		}

		@Test
		void shouldServeEachServicesApiDocsWithoutAToken() {
			upstream.reply("/v3/api-docs", 200, "{\"openapi\":\"3.1.0\",\"info\":{\"title\":\"user-service\"}}",
					Duration.ZERO);
			GatewayIntegrationTests.this.client.get()
				.uri("/v3/api-docs/user")
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.info.title")
				.isEqualTo("user-service");
			GatewayIntegrationTests.this.client.get()
				.uri("/v3/api-docs/swagger-config")
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.urls[?(@.name == 'user')].url")
				.isEqualTo("/v3/api-docs/user");
			GatewayIntegrationTests.this.client.get()
				.uri("/webjars/swagger-ui/index.html")
				.exchange()
				.expectStatus()
				.isOk();
		}

		@Test
		void shouldKeepAWellFormedRequestIdFromTheClient() {
			GatewayIntegrationTests.this.client.get()
				.uri("/api/v1/feed")
				.header("Authorization", "Bearer " + TestTokens.valid(signingKey, newUser()))
				.header("X-Request-Id", "client-request-0001")
				.exchange()
				.expectHeader()
				.valueEquals("X-Request-Id", "client-request-0001");
			assertThat(upstream.received("/api/v1/feed").get(0).headers().getFirst("X-Request-Id"))
				.isEqualTo("client-request-0001");
		}

		@Test
		void shouldLetSignInThroughWithoutAToken() {
			GatewayIntegrationTests.this.client.post()
				.uri("/api/v1/auth/login")
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue("{\"login\":\"alice\",\"password\":\"x\"}")
				.exchange()
				.expectStatus()
				.isOk();
			assertThat(upstream.received("/api/v1/auth/login")).hasSize(1);
		}

		@Test
		void shouldNeverRouteInternalOrActuatorPaths() {
			String token = "Bearer " + TestTokens.valid(signingKey, newUser());
			for (String path : List.of("/internal/users/batch", "/actuator/env", "/api/v1/internal/users/batch",
					"/api/v1/users/1/../../../internal/users/batch",
					"/api/v1/users/%2e%2e/%2e%2e/%2e%2e/internal/users/batch")) {
				GatewayIntegrationTests.this.client.get()
					.uri((builder) -> builder.path(path).build())
					.header("Authorization", token)
					.exchange()
					.expectStatus()
					.value((status) -> assertThat(status).isIn(400, 404));
			}
			assertThat(upstream.received()).noneMatch((request) -> request.path().contains("internal")
					|| request.path().contains("actuator") || request.path().contains(".."));
		}

		@Test
		void shouldAnswerAnUnknownPathWithProblemJson() {
			GatewayIntegrationTests.this.client.get()
				.uri("/api/v1/nothing-here")
				.header("Authorization", "Bearer " + TestTokens.valid(signingKey, newUser()))
				.exchange()
				.expectStatus()
				.isNotFound()
				.expectHeader()
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.expectBody()
				.jsonPath("$.type")
				.isEqualTo("https://murmur.example/problems/not-found");
		}

	}

	@Nested
	class Authentication {

		static Stream<Arguments> badTokens() {
			RSAKey otherKey = TestTokens.newKey("key-1");
			String user = newUser();
			return Stream.of(Arguments.of("no token", null), Arguments.of("malformed", "Bearer not.a.jwt"),
					Arguments.of("expired", "Bearer " + TestTokens.expired(signingKey, user)),
					Arguments.of("bad signature", "Bearer " + TestTokens.valid(otherKey, user)),
					Arguments.of("wrong audience", "Bearer " + TestTokens.forAudience(signingKey, user, "other-api")),
					Arguments.of("not a bearer token", "Basic YWxpY2U6c2VjcmV0"));
		}

		static final List<String[]> protectedRoutes = List.of(new String[] { "GET", "/api/v1/users/me" },
				new String[] { "PATCH", "/api/v1/users/me" }, new String[] { "GET", "/api/v1/users/42" },
				new String[] { "GET", "/api/v1/users/by-handle/alice" }, new String[] { "POST", "/api/v1/auth/logout" },
				new String[] { "POST", "/api/v1/users/42/follow" },
				new String[] { "DELETE", "/api/v1/users/42/follow" },
				new String[] { "GET", "/api/v1/users/42/followers" },
				new String[] { "GET", "/api/v1/users/42/following" },
				new String[] { "GET", "/api/v1/relationships?ids=1" }, new String[] { "POST", "/api/v1/posts" },
				new String[] { "GET", "/api/v1/posts/7" }, new String[] { "DELETE", "/api/v1/posts/7" },
				new String[] { "GET", "/api/v1/users/42/posts" }, new String[] { "GET", "/api/v1/posts/7/replies" },
				new String[] { "POST", "/api/v1/posts/7/like" }, new String[] { "DELETE", "/api/v1/posts/7/repost" },
				new String[] { "GET", "/api/v1/feed" }, new String[] { "POST", "/api/v1/media" },
				new String[] { "GET", "/api/v1/media/9" }, new String[] { "GET", "/api/v1/notifications" },
				new String[] { "GET", "/api/v1/notifications/unread-count" },
				new String[] { "POST", "/api/v1/notifications/read" },
				new String[] { "GET", "/api/v1/notifications/stream" },
				new String[] { "GET", "/api/v1/search/posts?q=x" }, new String[] { "GET", "/api/v1/search/users?q=x" },
				new String[] { "GET", "/api/v1/trends" });

		@ParameterizedTest(name = "{0}")
		@MethodSource("badTokens")
		void shouldRefuseEveryProtectedRouteWith401BeforeAnyServiceIsCalled(String name, String authorization) {
			for (String[] route : protectedRoutes) {
				GatewayIntegrationTests.this.client.method(HttpMethod.valueOf(route[0]))
					.uri(route[1])
					.headers((headers) -> {
						if (authorization != null) {
							headers.set("Authorization", authorization);
						}
					})
					.exchange()
					.expectStatus()
					.isUnauthorized()
					.expectHeader()
					.contentType(MediaType.APPLICATION_PROBLEM_JSON)
					.expectHeader()
					.valueEquals("WWW-Authenticate", "Bearer realm=\"murmur\"")
					.expectBody()
					.jsonPath("$.status")
					.isEqualTo(401)
					.jsonPath("$.type")
					.isEqualTo("https://murmur.example/problems/unauthorized")
					.consumeWith(
							(result) -> assertThat(new String(result.getResponseBodyContent(), StandardCharsets.UTF_8))
								.doesNotContain("properties"));
			}
			assertThat(upstream.received()).isEmpty();
		}

		@Test
		void shouldAcceptATokenSignedWithANewlyRotatedKey() {
			RSAKey rotated = TestTokens.newKey("key-2");
			upstream.jwks(() -> TestTokens.jwks(signingKey, rotated));
			try {
				GatewayIntegrationTests.this.client.get()
					.uri("/api/v1/users/me")
					.header("Authorization", "Bearer " + TestTokens.valid(rotated, newUser()))
					.exchange()
					.expectStatus()
					.isOk();
				GatewayIntegrationTests.this.client.get()
					.uri("/api/v1/users/me")
					.header("Authorization", "Bearer " + TestTokens.valid(signingKey, newUser()))
					.exchange()
					.expectStatus()
					.isOk();
			}
			finally {
				upstream.jwks(() -> TestTokens.jwks(signingKey));
			}
		}

		/**
		 * A token whose key must be fetched, from a user-service that does not answer:
		 * the request is answered by the fetch deadline, with a 503 problem that tells
		 * the client to try again, not that its token is bad.
		 */
		@Test
		void shouldAnswerInTimeWhenTheKeysCannotBeFetched() {
			RSAKey unknown = TestTokens.newKey("key-slow");
			upstream.jwksDelay(Duration.ofSeconds(20));
			int fetches = upstream.jwksFetches();
			try {
				long started = System.nanoTime();
				GatewayIntegrationTests.this.client.get()
					.uri("/api/v1/users/me")
					.header("Authorization", "Bearer " + TestTokens.valid(unknown, newUser()))
					.exchange()
					.expectStatus()
					.isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
					.expectHeader()
					.contentType(MediaType.APPLICATION_PROBLEM_JSON);
				assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
				// tried once more before giving up
				assertThat(upstream.jwksFetches() - fetches).isEqualTo(2);
			}
			finally {
				upstream.jwksDelay(Duration.ZERO);
			}
		}

	}

	@Nested
	class RateLimits {

		@Test
		void shouldLimitWritesPerUserWith429AndRetryAfter() {
			String alice = "Bearer " + TestTokens.valid(signingKey, newUser());
			String bob = "Bearer " + TestTokens.valid(signingKey, newUser());
			for (int i = 0; i < 5; i++) {
				post(alice).expectStatus().isOk();
			}
			post(alice).expectStatus()
				.isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
				.expectHeader()
				.exists("Retry-After")
				.expectHeader()
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.expectBody()
				.jsonPath("$.type")
				.isEqualTo("https://murmur.example/problems/rate-limited")
				.consumeWith((result) -> assertThat(new String(result.getResponseBodyContent(), StandardCharsets.UTF_8))
					.doesNotContain("properties"));
			post(bob).expectStatus().isOk();
			assertThat(upstream.received("/api/v1/posts")).hasSize(6);
		}

		/**
		 * Redis holding every command longer than the limiter waits, as when a burst
		 * starves the gateway or Redis is down: the budget still holds, counted by the
		 * replica itself, instead of every request being let through.
		 */
		@Test
		void shouldKeepTheBudgetOnThisReplicaWhenRedisDoesNotAnswerInTime() {
			String carol = "Bearer " + TestTokens.valid(signingKey, newUser());
			post(carol).expectStatus().isOk();
			RedisClient client = RedisClient.create(LocalStack.shared().redis().uri());
			try (StatefulRedisConnection<String, String> connection = client.connect()) {
				connection.sync().clientPause(4_000);
				for (int i = 0; i < 4; i++) {
					post(carol).expectStatus().isOk();
				}
				post(carol).expectStatus()
					.isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
					.expectHeader()
					.exists("Retry-After")
					.expectHeader()
					.contentType(MediaType.APPLICATION_PROBLEM_JSON);
				// answered once the pause is over, so that later tests meet Redis as
				// usual
				connection.sync().ping();
			}
			finally {
				client.shutdown();
			}
			assertThat(upstream.received("/api/v1/posts")).hasSize(5);
		}

		/**
		 * Redis answers on its client's one I/O thread. What follows the count, the
		 * refusal or the routing, must not stay there: every request through the replica
		 * would take its turn on that one thread, and readers waited three times as long
		 * behind a burst of refused writes.
		 */
		@Test
		void shouldGoOnAfterTheCountOffTheRedisClientsThread() {
			String dave = "Bearer " + TestTokens.valid(signingKey, newUser());
			for (int i = 0; i < 5; i++) {
				GatewayIntegrationTests.this.client.post()
					.uri("/api/v1/posts")
					.header("Authorization", dave)
					.header(ThreadProbe.HEADER, "dave-" + i)
					.contentType(MediaType.APPLICATION_JSON)
					.bodyValue("{\"text\":\"hello\"}")
					.exchange()
					.expectStatus()
					.isOk();
			}
			assertThat(ThreadProbe.threads).hasSize(5)
				.allSatisfy((request, thread) -> assertThat(thread).as(request).doesNotStartWith("lettuce"));
		}

		@Test
		void shouldLimitSignInAttemptsPerClientIp() {
			String remaining = login().expectStatus()
				.isOk()
				.returnResult(String.class)
				.getResponseHeaders()
				.getFirst("X-RateLimit-Remaining");
			for (int i = 0; i < Integer.parseInt(remaining); i++) {
				login().expectStatus().isOk();
			}
			login().expectStatus()
				.isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
				.expectHeader()
				.value("Retry-After", (value) -> assertThat(Integer.parseInt(value)).isBetween(1, 60));
		}

		private WebTestClient.ResponseSpec post(String authorization) {
			return GatewayIntegrationTests.this.client.post()
				.uri("/api/v1/posts")
				.header("Authorization", authorization)
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue("{\"text\":\"hello\"}")
				.exchange();
		}

		private WebTestClient.ResponseSpec login() {
			return GatewayIntegrationTests.this.client.post()
				.uri("/api/v1/auth/register")
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue("{}")
				.exchange();
		}

	}

	@Nested
	class Resilience {

		@Test
		void shouldAnswer503ProblemWhenAServiceIsDown() {
			long started = System.nanoTime();
			GatewayIntegrationTests.this.client.get()
				.uri("/api/v1/users/42/followers")
				.header("Authorization", "Bearer " + TestTokens.valid(signingKey, newUser()))
				.exchange()
				.expectStatus()
				.isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
				.expectHeader()
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.expectBody()
				.jsonPath("$.type")
				.isEqualTo("https://murmur.example/problems/service-unavailable")
				.jsonPath("$.instance")
				.isEqualTo("/api/v1/users/42/followers");
			assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
		}

		@Test
		void shouldAnswer503ProblemWhenAServiceIsTooSlow() {
			upstream.reply("/api/v1/trends", 200, "{}", Duration.ofSeconds(4));
			long started = System.nanoTime();
			GatewayIntegrationTests.this.client.get()
				.uri("/api/v1/trends")
				.header("Authorization", "Bearer " + TestTokens.valid(signingKey, newUser()))
				.exchange()
				.expectStatus()
				.isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
				.expectHeader()
				.contentType(MediaType.APPLICATION_PROBLEM_JSON);
			assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
		}

		@Test
		void shouldCarryManyConcurrentCallsToOneService() {
			upstream.reply("/api/v1/feed", 200, "{\"items\":[]}", Duration.ofMillis(800));
			String token = "Bearer " + TestTokens.valid(signingKey, newUser());
			List<HttpStatusCode> statuses = Flux.range(0, 60)
				.flatMap((i) -> WebClient.create("http://127.0.0.1:" + GatewayIntegrationTests.this.port)
					.get()
					.uri("/api/v1/feed")
					.header("Authorization", token)
					.exchangeToMono((response) -> response.releaseBody().thenReturn(response.statusCode())), 60)
				.collectList()
				.block(Duration.ofSeconds(20));
			assertThat(statuses).hasSize(60).allMatch(HttpStatus.OK::equals);
			assertThat(upstream.received("/api/v1/feed")).hasSize(60);
		}

		/**
		 * A service closes a connection that has been idle for its keep-alive time. Were
		 * the gateway to send a request on it at that moment, the request would fail; so
		 * the gateway drops an idle connection first (here after 1 s) and keeps using a
		 * busy one.
		 */
		@Test
		void shouldReuseABusyConnectionAndDropAnIdleOneBeforeTheServiceDoes() throws InterruptedException {
			String token = "Bearer " + TestTokens.valid(signingKey, newUser());
			for (int i = 0; i < 3; i++) {
				postThrough(token);
			}
			Thread.sleep(Duration.ofMillis(1500));
			postThrough(token);
			List<Integer> ports = upstream.received("/api/v1/posts")
				.stream()
				.map(StubService.Received::clientPort)
				.toList();
			assertThat(ports).hasSize(4);
			assertThat(ports.subList(0, 3)).containsOnly(ports.get(0));
			assertThat(ports.get(3)).isNotEqualTo(ports.get(0));
		}

		private void postThrough(String token) {
			GatewayIntegrationTests.this.client.post()
				.uri("/api/v1/posts")
				.header("Authorization", token)
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue("{}")
				.exchange()
				.expectStatus()
				.isOk();
		}

		@Test
		void shouldRetryGetsButNeverWrites() {
			String token = "Bearer " + TestTokens.valid(signingKey, newUser());
			upstream.reply("/api/v1/media/5", 503, "{}", Duration.ZERO);
			GatewayIntegrationTests.this.client.get().uri("/api/v1/media/5").header("Authorization", token).exchange();
			assertThat(upstream.received("/api/v1/media/5")).hasSize(3);
			upstream.reply("/api/v1/media", 503, "{}", Duration.ZERO);
			GatewayIntegrationTests.this.client.post()
				.uri("/api/v1/media")
				.header("Authorization", token)
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue("{}")
				.exchange();
			assertThat(upstream.received("/api/v1/media")).hasSize(1);
		}

	}

	@Nested
	class Limits {

		@Test
		void shouldRefuseAnOversizedBodyWith413Problem() {
			GatewayIntegrationTests.this.client.post()
				.uri("/api/v1/posts")
				.header("Authorization", "Bearer " + TestTokens.valid(signingKey, newUser()))
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue("{\"text\":\"" + "x".repeat(8 * 1024) + "\"}")
				.exchange()
				.expectStatus()
				.isEqualTo(HttpStatus.CONTENT_TOO_LARGE)
				.expectHeader()
				.contentType(MediaType.APPLICATION_PROBLEM_JSON);
			assertThat(upstream.received("/api/v1/posts")).isEmpty();
		}

		@Test
		void shouldGiveTheMediaRouteItsOwnBodyLimitAndEveryOtherRouteTheGatewaysOwn() {
			String token = "Bearer " + TestTokens.valid(signingKey, newUser());
			byte[] upload = new byte[32 * 1024];
			GatewayIntegrationTests.this.client.post()
				.uri("/api/v1/media")
				.header("Authorization", token)
				.contentType(MediaType.APPLICATION_OCTET_STREAM)
				.bodyValue(upload)
				.exchange()
				.expectStatus()
				.isOk();
			assertThat(upstream.received("/api/v1/media")).hasSize(1);
			GatewayIntegrationTests.this.client.post()
				.uri("/api/v1/posts")
				.header("Authorization", token)
				.contentType(MediaType.APPLICATION_OCTET_STREAM)
				.bodyValue(upload)
				.exchange()
				.expectStatus()
				.isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
			GatewayIntegrationTests.this.client.post()
				.uri("/api/v1/media")
				.header("Authorization", token)
				.contentType(MediaType.APPLICATION_OCTET_STREAM)
				.bodyValue(new byte[80 * 1024])
				.exchange()
				.expectStatus()
				.isEqualTo(HttpStatus.CONTENT_TOO_LARGE)
				.expectHeader()
				.contentType(MediaType.APPLICATION_PROBLEM_JSON);
			assertThat(upstream.received("/api/v1/media")).hasSize(1);
		}

		@Test
		void shouldGiveTheMediaRouteItsOwnTimeout() {
			String token = "Bearer " + TestTokens.valid(signingKey, newUser());
			upstream.reply("/api/v1/media/7", 200, "{\"state\":\"ready\"}", Duration.ofSeconds(2));
			upstream.reply("/api/v1/trends", 200, "{}", Duration.ofSeconds(2));
			GatewayIntegrationTests.this.client.get()
				.uri("/api/v1/media/7")
				.header("Authorization", token)
				.exchange()
				.expectStatus()
				.isOk();
			GatewayIntegrationTests.this.client.get()
				.uri("/api/v1/trends")
				.header("Authorization", token)
				.exchange()
				.expectStatus()
				.isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
		}

		@Test
		void shouldAllowConfiguredOriginsOnly() {
			GatewayIntegrationTests.this.client.options()
				.uri("/api/v1/feed")
				.header("Origin", "https://app.murmur.example")
				.header("Access-Control-Request-Method", "GET")
				.header("Access-Control-Request-Headers", "Authorization")
				.exchange()
				.expectStatus()
				.isOk()
				.expectHeader()
				.valueEquals("Access-Control-Allow-Origin", "https://app.murmur.example");
			GatewayIntegrationTests.this.client.options()
				.uri("/api/v1/feed")
				.header("Origin", "https://evil.example")
				.header("Access-Control-Request-Method", "GET")
				.exchange()
				.expectStatus()
				.isForbidden()
				.expectHeader()
				.doesNotExist("Access-Control-Allow-Origin");
		}

	}

	@Nested
	class HostileRequests {

		@ParameterizedTest
		@ValueSource(strings = { "/api/v1/users/%00/following", "/api/v1/users/..%2F..%2Finternal/posts",
				"/api/v1/users/..%5C..%5Cinternal/posts", "/api/v1/users/%252e%252e/posts",
				"/api/v1/users/1/../../../internal/users", "/api/v1/posts/7;x=1", "/api/v1//posts" })
		void shouldAnswerAnEncodedOrTraversingPathWithAProblem(String path) {
			assertProblem(send("GET", path, TestTokens.valid(signingKey, newUser())), 400, 404);
			assertProblem(send("GET", path, null), 400, 401, 404);
			assertThat(upstream.received()).noneMatch((request) -> request.path().contains("internal"));
		}

		@ParameterizedTest
		@ValueSource(strings = { "/api/v1/feed?limit=%zz", "/api/v1/feed?limit=%", "/api/v1/feed?limit=%ff%fe",
				"/api/v1/relationships?cursor=%ff%fe&ids=%c0%af", "/api/v1/feed?limit=5&unused=%ed%a0%80" })
		void shouldRefuseAMalformedQueryStringWithAProblemBeforeRoutingIt(String target) {
			assertProblem(send("GET", target, TestTokens.valid(signingKey, newUser())), 400);
			assertThat(upstream.received()).isEmpty();
		}

		@Test
		void shouldRefuseAnOverlongRequestTargetWithAProblem() {
			assertProblem(
					send("GET", "/api/v1/feed?cursor=" + "a".repeat(9000), TestTokens.valid(signingKey, newUser())),
					414);
			assertProblem(send("GET", "/api/v1/users/" + "1".repeat(20000), null), 414);
			assertThat(upstream.received()).isEmpty();
		}

		@Test
		void shouldAnswerAnUnreadableRequestLineOrHeaderWithAProblem() {
			String token = TestTokens.valid(signingKey, newUser());
			for (RawRequest request : List.of(
					RawRequest.json("GET", "/api/v1/feed", null, "bad header").withHeader("Bad Header", "x"),
					RawRequest.json("GET", "/api/v1/feed?q=a|b{c}", null, "unsafe characters"))) {
				RawResponse response = new RawHttp("http://127.0.0.1:" + GatewayIntegrationTests.this.port,
						Duration.ofSeconds(30))
					.send(request.withToken(token));
				assertThat(response.status()).as(request + " -> " + response).isLessThan(500);
				if (response.status() >= 400) {
					assertThat(response.header("Content-Type")).as(request + " -> " + response)
						.startsWith("application/problem+json");
				}
			}
		}

		@Test
		void shouldTellBrowsersNotToSniffAndNeverNameTheServer() {
			String token = TestTokens.valid(signingKey, newUser());
			for (RawResponse response : List.of(send("GET", "/api/v1/users/me", token),
					send("GET", "/api/v1/nothing-here", token), send("GET", "/api/v1/users/me", null),
					send("GET", "/api/v1/users/%00/following", token))) {
				assertThat(response.header("X-Content-Type-Options")).as(response.toString()).isEqualTo("nosniff");
				assertThat(response.header("Server")).as(response.toString()).isNull();
			}
		}

		@Test
		void shouldRefuseADisallowedOriginWithAProblem() {
			RawResponse preflight = new RawHttp("http://127.0.0.1:" + GatewayIntegrationTests.this.port,
					Duration.ofSeconds(30))
				.send(RawRequest.json("OPTIONS", "/api/v1/feed", null, "preflight")
					.withHeader("Origin", "https://evil.example")
					.withHeader("Access-Control-Request-Method", "GET"));
			RawResponse simple = new RawHttp("http://127.0.0.1:" + GatewayIntegrationTests.this.port,
					Duration.ofSeconds(30))
				.send(RawRequest.json("GET", "/api/v1/feed", null, "simple")
					.withToken(TestTokens.valid(signingKey, newUser()))
					.withHeader("Origin", "https://evil.example"));

			assertProblem(preflight, 403);
			assertProblem(simple, 403);
			assertThat(preflight.header("Access-Control-Allow-Origin")).isNull();
			assertThat(simple.header("Access-Control-Allow-Origin")).isNull();
		}

	}

	/**
	 * The web client, served from the web-client jar on the gateway's classpath: open to
	 * anyone, with its caching and content-security headers, and nothing else opened by
	 * it.
	 */
	@Nested
	class WebClientFiles {

		private static final Pattern SCRIPT = Pattern.compile("src=\"(/assets/[^\"]+\\.js)\"");

		String index() {
			return GatewayIntegrationTests.this.client.get()
				.uri("/")
				.accept(MediaType.TEXT_HTML)
				.exchange()
				.expectStatus()
				.isOk()
				.expectHeader()
				.contentTypeCompatibleWith(MediaType.TEXT_HTML)
				.expectHeader()
				.cacheControl(CacheControl.noCache())
				.expectHeader()
				.valueMatches("Content-Security-Policy",
						"default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob: http: https:;.*frame-ancestors 'none'")
				.expectHeader()
				.valueEquals("X-Content-Type-Options", "nosniff")
				.expectBody(String.class)
				.returnResult()
				.getResponseBody();
		}

		@Test
		void shouldServeTheAppAtTheRootWithoutATokenAndWithItsSecurityHeaders() {
			assertThat(index()).contains("<div id=\"app\"></div>").containsPattern(SCRIPT);
			GatewayIntegrationTests.this.client.get()
				.uri("/index.html")
				.exchange()
				.expectStatus()
				.isOk()
				.expectHeader()
				.cacheControl(CacheControl.noCache())
				.expectHeader()
				.exists("Content-Security-Policy");
		}

		@Test
		void shouldLetBrowsersKeepTheHashedAssetsForAYear() {
			Matcher script = SCRIPT.matcher(index());
			assertThat(script.find()).isTrue();
			GatewayIntegrationTests.this.client.get()
				.uri(script.group(1))
				.exchange()
				.expectStatus()
				.isOk()
				.expectHeader()
				.contentTypeCompatibleWith("text/javascript")
				.expectHeader()
				.valueEquals("Cache-Control", "public, max-age=31536000, immutable");
		}

		@Test
		void shouldStillAnswerUnknownPathsWithThe404Problem() {
			String token = TestTokens.valid(signingKey, newUser());
			assertProblem(send("GET", "/nonexistent", token), 404);
			assertProblem(send("GET", "/assets/missing-0000.js", null), 404);
			RawResponse missingAsset = send("GET", "/assets/missing-0000.js", null);
			assertThat(missingAsset.header("Cache-Control")).doesNotContain("immutable");
		}

		@Test
		void shouldOpenNothingElseWithoutAToken() {
			assertProblem(send("GET", "/nonexistent", null), 401);
			assertProblem(send("POST", "/", null), 401);
			assertProblem(send("GET", "/api/v1/feed", null), 401);
		}

	}

	RawResponse send(String method, String target, @Nullable String token) {
		return new RawHttp("http://127.0.0.1:" + this.port, Duration.ofSeconds(30))
			.send(RawRequest.json(method, target, null, target).withToken(token));
	}

	static void assertProblem(RawResponse response, int... statuses) {
		assertThat(response.status()).as(response.toString()).isIn(Arrays.stream(statuses).boxed().toList());
		assertThat(response.header("Content-Type")).as(response.toString()).startsWith("application/problem+json");
		assertThat(response.body()).contains("\"status\":" + response.status()).contains("\"title\"");
		assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
	}

	private static int closedPort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
