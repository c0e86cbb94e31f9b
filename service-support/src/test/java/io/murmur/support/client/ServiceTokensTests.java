package io.murmur.support.client;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import io.murmur.support.test.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ServiceTokensTests {

	private final TestTokens userService = TestTokens.start();

	private final MutableClock clock = new MutableClock();

	private ServiceTokens tokens;

	@BeforeEach
	void setUp() {
		this.tokens = tokensFor(this.userService.serviceClientProperties("feed-service"));
	}

	@AfterEach
	void stop() {
		this.userService.close();
	}

	private ServiceTokens tokensFor(Map<String, String> properties) {
		return new ServiceTokens(
				new ServiceClientProperties(URI.create(properties.get("murmur.service-client.token-uri")),
						properties.get("murmur.service-client.client-id"),
						properties.get("murmur.service-client.client-secret"), Duration.ofSeconds(5)),
				JsonMapper.builder().build(), this.clock);
	}

	@Nested
	class Caching {

		@Test
		void shouldFetchAServiceTokenForTheClient() throws Exception {
			String header = ServiceTokensTests.this.tokens.authorizationHeader();

			assertThat(header).startsWith("Bearer ");
			assertThat(SignedJWT.parse(header.substring(7)).getJWTClaimsSet().getSubject())
				.isEqualTo("service:feed-service");
		}

		@Test
		void shouldReuseTheTokenUntilShortlyBeforeItExpires() {
			String first = ServiceTokensTests.this.tokens.accessToken();
			ServiceTokensTests.this.clock.advance(Duration.ofMinutes(13));

			assertThat(ServiceTokensTests.this.tokens.accessToken()).isEqualTo(first);
			assertThat(ServiceTokensTests.this.userService.serviceTokensIssued()).isOne();

			ServiceTokensTests.this.clock.advance(Duration.ofSeconds(90));

			assertThat(ServiceTokensTests.this.tokens.accessToken()).isNotEqualTo(first);
			assertThat(ServiceTokensTests.this.userService.serviceTokensIssued()).isEqualTo(2);
		}

		@Test
		void shouldRefreshAShortLivedTokenHalfwayThroughItsLife() {
			ServiceTokensTests.this.userService.serviceTokenLifetime(Duration.ofSeconds(60));
			String first = ServiceTokensTests.this.tokens.accessToken();
			ServiceTokensTests.this.clock.advance(Duration.ofSeconds(29));
			assertThat(ServiceTokensTests.this.tokens.accessToken()).isEqualTo(first);

			ServiceTokensTests.this.clock.advance(Duration.ofSeconds(2));

			assertThat(ServiceTokensTests.this.tokens.accessToken()).isNotEqualTo(first);
		}

		@Test
		void shouldFetchOnceForManyConcurrentCallers() throws Exception {
			int callers = 16;
			CountDownLatch start = new CountDownLatch(1);
			List<Future<String>> results = new ArrayList<>();
			try (ExecutorService pool = Executors.newFixedThreadPool(callers)) {
				for (int i = 0; i < callers; i++) {
					results.add(pool.submit(() -> {
						start.await();
						return ServiceTokensTests.this.tokens.accessToken();
					}));
				}
				start.countDown();
				Set<String> seen = ConcurrentHashMap.newKeySet();
				for (Future<String> result : results) {
					seen.add(result.get());
				}
				assertThat(seen).hasSize(1);
			}
			assertThat(ServiceTokensTests.this.userService.serviceTokensIssued()).isOne();
		}

		@Test
		void shouldFetchANewTokenAfterTheCurrentOneWasRefused() {
			String first = ServiceTokensTests.this.tokens.accessToken();

			ServiceTokensTests.this.tokens.invalidate(first);

			assertThat(ServiceTokensTests.this.tokens.accessToken()).isNotEqualTo(first);
			assertThat(ServiceTokensTests.this.userService.serviceTokensIssued()).isEqualTo(2);
		}

	}

	@Nested
	class Failures {

		@Test
		void shouldFailWhenTheSecretIsWrong() {
			Map<String, String> properties = new java.util.HashMap<>(
					ServiceTokensTests.this.userService.serviceClientProperties("feed-service"));
			properties.put("murmur.service-client.client-secret", "wrong");

			assertThatExceptionOfType(ServiceTokenException.class)
				.isThrownBy(() -> tokensFor(properties).authorizationHeader())
				.withMessageContaining("401")
				.withMessageContaining("invalid_client")
				.withMessageNotContaining("wrong");
		}

		@Test
		void shouldFailWhenTheTokenEndpointIsDownAndNoTokenIsAtHand() {
			ServiceTokensTests.this.userService.tokenEndpointDown(true);

			assertThatExceptionOfType(ServiceTokenException.class)
				.isThrownBy(() -> ServiceTokensTests.this.tokens.accessToken())
				.withMessageContaining("503");
		}

		@Test
		void shouldKeepAValidTokenWhileTheTokenEndpointIsDown() {
			String first = ServiceTokensTests.this.tokens.accessToken();
			ServiceTokensTests.this.userService.tokenEndpointDown(true);
			ServiceTokensTests.this.clock.advance(Duration.ofMinutes(14).plusSeconds(30));

			assertThat(ServiceTokensTests.this.tokens.accessToken()).isEqualTo(first);

			ServiceTokensTests.this.userService.tokenEndpointDown(false);
			ServiceTokensTests.this.clock.advance(ServiceTokens.RETRY_AFTER_FAILURE);

			assertThat(ServiceTokensTests.this.tokens.accessToken()).isNotEqualTo(first);
		}

		@Test
		void shouldFailOnceTheTokenHasExpiredAndTheEndpointIsStillDown() {
			ServiceTokensTests.this.tokens.accessToken();
			ServiceTokensTests.this.userService.tokenEndpointDown(true);
			ServiceTokensTests.this.clock.advance(Duration.ofMinutes(15));

			assertThatExceptionOfType(ServiceTokenException.class)
				.isThrownBy(() -> ServiceTokensTests.this.tokens.accessToken());
		}

	}

	private static final class MutableClock extends Clock {

		private volatile Instant now = Instant.now();

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}
