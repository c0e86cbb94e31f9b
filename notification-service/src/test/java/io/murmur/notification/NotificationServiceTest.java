package io.murmur.notification;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.murmur.localstack.Store;
import io.murmur.localstack.spring.LocalStores;
import io.murmur.support.test.TestClock;
import io.murmur.support.test.TestTokens;

/**
 * The base of the integration tests: the whole service on a random port against a real
 * PostgreSQL and Kafka, checking tokens of a {@link TestTokens} stand-in, asking
 * {@link OtherServices} stand-ins, with a clock tests can move. Every subclass shares one
 * application context. Deliveries and streams are tuned to be quick: a heartbeat every
 * second, short coalescing and back-off, webhooks on loopback allowed.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "murmur.notification.stream.heartbeat=1s", "murmur.notification.push.coalesce-window=500ms",
				"murmur.notification.push.coalesce-max-delay=3s", "murmur.notification.push.poll-interval=100ms",
				"murmur.notification.push.min-backoff=200ms", "murmur.notification.push.max-backoff=1s",
				"murmur.notification.push.max-failures=8", "murmur.notification.push.timeout=2s",
				"murmur.notification.push.allowed-networks=127.0.0.0/8" })
@LocalStores({ Store.POSTGRES, Store.KAFKA })
@Import(TestClock.Configuration.class)
public abstract class NotificationServiceTest {

	protected static final TestTokens tokens = TestTokens.start();

	protected static final OtherServices others = OtherServices.start();

	@Autowired
	protected TestClock clock;

	@Autowired
	private KafkaOperations<Object, Object> kafka;

	protected Api api;

	protected Events events;

	@DynamicPropertySource
	static void services(DynamicPropertyRegistry registry) {
		tokens.properties().forEach((key, value) -> registry.add(key, () -> value));
		tokens.serviceClientProperties("notification-service").forEach((key, value) -> registry.add(key, () -> value));
		for (String service : new String[] { "user", "post", "graph" }) {
			registry.add("murmur.services.urls." + service, others::url);
		}
	}

	@BeforeEach
	void setUpClients(@LocalServerPort int port) {
		this.api = new Api("http://127.0.0.1:" + port);
		this.events = new Events(this.kafka);
	}

	@AfterEach
	void resetClockAndStandIns() {
		this.clock.reset();
		others.down(false);
	}

	/**
	 * A new user and their token.
	 * @return the user
	 */
	protected static User newUser() {
		long id = Events.newId();
		return new User(id, tokens.user(id));
	}

	/**
	 * A user of the tests.
	 *
	 * @param id the user id
	 * @param token a valid access token of theirs
	 */
	protected record User(long id, String token) {

	}

}
