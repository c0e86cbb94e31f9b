package io.murmur.localstack.platform;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.murmur.localstack.Store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.entry;

class ServiceClientsTests {

	private static final PlatformService USER_SERVICE = PlatformService.of("user-service", 18081, Store.KAFKA);

	private static final PlatformService FEED_SERVICE = PlatformService.of("feed-service", 18084, Store.REDIS)
		.asServiceClient();

	private static final PlatformService POST_SERVICE = PlatformService.of("post-service", 18083, Store.CASSANDRA);

	@Test
	void shouldGiveEachClientCredentialsThatUserServiceKnows() {
		List<PlatformService> wired = ServiceClients.wire(List.of(USER_SERVICE, FEED_SERVICE, POST_SERVICE));

		PlatformService userService = wired.get(0);
		PlatformService feedService = wired.get(1);
		assertThat(feedService.properties())
			.containsEntry("murmur.service-client.token-uri", "http://127.0.0.1:18081/internal/oauth2/token")
			.containsEntry("murmur.service-client.client-id", "feed-service")
			.doesNotContainKey("murmur.service-client.client-secret");
		String secret = feedService.secrets().get("murmur.service-client.client-secret");
		assertThat(secret).hasSizeGreaterThanOrEqualTo(40);
		assertThat(userService.properties()).isEqualTo(USER_SERVICE.properties());
		assertThat(userService.secrets()).containsOnly(entry("murmur.user.service-clients[0].id", "feed-service"),
				entry("murmur.user.service-clients[0].secret", secret));
		assertThat(wired.get(2)).isEqualTo(POST_SERVICE);
	}

	@Test
	void shouldGenerateNewSecretsForEachRun() {
		String first = ServiceClients.wire(List.of(USER_SERVICE, FEED_SERVICE))
			.get(1)
			.secrets()
			.get("murmur.service-client.client-secret");
		String second = ServiceClients.wire(List.of(USER_SERVICE, FEED_SERVICE))
			.get(1)
			.secrets()
			.get("murmur.service-client.client-secret");

		assertThat(first).isNotEqualTo(second);
	}

	@Test
	void shouldRegisterNoClientWhenNoServiceIsOne() {
		List<PlatformService> wired = ServiceClients.wire(List.of(USER_SERVICE, POST_SERVICE));

		assertThat(wired).containsExactly(USER_SERVICE, POST_SERVICE);
	}

	@Test
	void shouldRefuseAClientNamedAfterUserServiceWasDescribed() {
		ServiceClients clients = new ServiceClients();
		clients.secret("feed-service");
		clients.issuer(USER_SERVICE);

		assertThat(clients.secret("feed-service")).isNotBlank();
		assertThatIllegalStateException().isThrownBy(() -> clients.secret("search-service"))
			.withMessageContaining("search-service");
	}

}
