package io.murmur.post;

import org.junit.jupiter.api.BeforeEach;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.murmur.localstack.Store;
import io.murmur.localstack.spring.LocalStores;

/**
 * The service on a random port against a real Cassandra and Kafka, with user-service
 * replaced by {@link StubUserService} and media-service by {@link StubMediaService}, and
 * a relay and producer tuned to notice a Kafka outage and recover within seconds. The
 * relay polls only every {@value #RELAY_POLL}, so that a test can tell an event published
 * because its write woke the relay from one a poll found.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "murmur.outbox.poll-interval=" + IntegrationTestSupport.RELAY_POLL,
				"murmur.post.outbox.settle-time=5s", "murmur.outbox.min-backoff=200ms", "murmur.outbox.max-backoff=1s",
				"spring.kafka.producer.properties.max.block.ms=1000",
				"spring.kafka.producer.properties.request.timeout.ms=2000",
				"spring.kafka.producer.properties.delivery.timeout.ms=3000" })
@LocalStores({ Store.CASSANDRA, Store.KAFKA })
abstract class IntegrationTestSupport {

	static final String RELAY_POLL = "10s";

	@LocalServerPort
	int port;

	Api api;

	/** The management port, where the probes are: never the API port. */
	@LocalManagementPort
	int managementPort;

	@DynamicPropertySource
	static void userService(DynamicPropertyRegistry registry) {
		StubUserService.INSTANCE.tokens.properties().forEach((key, value) -> registry.add(key, () -> value));
		registry.add("murmur.services.urls.user", StubUserService.INSTANCE::url);
		StubUserService.INSTANCE.tokens.serviceClientProperties("post-service")
			.forEach((key, value) -> registry.add(key, () -> value));
		registry.add("murmur.services.urls.media", StubMediaService.INSTANCE::url);
	}

	@BeforeEach
	void client() {
		this.api = new Api(this.port);
	}

}
