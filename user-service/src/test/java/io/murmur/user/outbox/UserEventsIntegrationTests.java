package io.murmur.user.outbox;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.murmur.events.EventDeserializer;
import io.murmur.events.EventType;
import io.murmur.events.MurmurEvent;
import io.murmur.events.Topics;
import io.murmur.events.user.ProfileUpdated;
import io.murmur.events.user.UserRegistered;
import io.murmur.localstack.LocalStack;
import io.murmur.localstack.kafka.KafkaServer;
import io.murmur.support.events.outbox.PostgresOutbox;
import io.murmur.user.Api.Account;
import io.murmur.user.Api;
import io.murmur.user.StubMediaService;
import io.murmur.user.UserServiceIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@UserServiceIntegrationTest
class UserEventsIntegrationTests {

	private Api api;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private DataSource dataSource;

	private KafkaConsumer<String, MurmurEvent> consumer;

	private final List<ConsumerRecord<String, MurmurEvent>> received = new CopyOnWriteArrayList<>();

	@BeforeEach
	void setUp(@LocalServerPort int port) {
		this.api = new Api(port);
		Properties properties = new Properties();
		properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka().bootstrapServers());
		properties.put(ConsumerConfig.GROUP_ID_CONFIG, "user-events-test-" + UUID.randomUUID());
		properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		this.consumer = new KafkaConsumer<>(properties, new StringDeserializer(), new EventDeserializer());
		this.consumer.subscribe(List.of(Topics.USER));
	}

	@AfterEach
	void closeConsumer() {
		this.consumer.close(Duration.ofSeconds(5));
	}

	private static KafkaServer kafka() {
		return LocalStack.shared().kafka();
	}

	@Test
	void shouldPublishUserRegisteredKeyedByUserIdWithItsTypeHeader() {
		Account account = this.api.register();

		ConsumerRecord<String, MurmurEvent> record = awaitEvent(account.id(), UserRegistered.class);
		assertThat(record.key()).isEqualTo(account.id());
		assertThat(new String(record.headers().lastHeader(EventType.HEADER).value(), StandardCharsets.UTF_8))
			.isEqualTo("user.registered.v1");
		UserRegistered event = (UserRegistered) record.value();
		assertThat(event.userId()).isEqualTo(Long.parseLong(account.id()));
		assertThat(event.handle()).isEqualTo(account.user().handle());
		assertThat(event.displayName()).isEqualTo(account.user().displayName());
	}

	@Test
	void shouldPublishProfileUpdatedAfterUserRegistered() {
		Account account = this.api.register();
		String token = this.api.login(account).accessToken();
		long avatar = StubMediaService.INSTANCE.uploadImage(Long.parseLong(account.id()));
		this.api.client()
			.patch()
			.uri("/api/v1/users/me")
			.headers((headers) -> headers.setBearerAuth(token))
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("bio", "Event sourced", "avatarMediaId", Long.toString(avatar)))
			.exchange()
			.expectStatus()
			.isOk();

		ConsumerRecord<String, MurmurEvent> record = awaitEvent(account.id(), ProfileUpdated.class);
		assertThat(new String(record.headers().lastHeader(EventType.HEADER).value(), StandardCharsets.UTF_8))
			.isEqualTo("profile.updated.v1");
		ProfileUpdated event = (ProfileUpdated) record.value();
		assertThat(event.bio()).isEqualTo("Event sourced");
		assertThat(event.avatarMediaId()).isEqualTo(avatar);
		assertThat(eventsOf(account.id())).extracting((r) -> r.value().getClass().getSimpleName())
			.containsExactly("UserRegistered", "ProfileUpdated");
	}

	@Test
	void shouldPublishEventsWrittenWhileKafkaWasDownOnceItIsBack() {
		kafka().stop();
		Account account;
		try {
			account = this.api.register();
			assertThat(outboxRowsOf(account.id())).isOne();
		}
		finally {
			kafka().restart();
		}
		awaitEvent(account.id(), UserRegistered.class);
		await().atMost(Duration.ofSeconds(30)).until(() -> outboxRowsOf(account.id()), (count) -> count == 0);
	}

	@Test
	void shouldLeavePublishingToTheRelayThatHoldsTheLock() throws Exception {
		try (Connection otherReplica = this.dataSource.getConnection()) {
			otherReplica.setAutoCommit(false);
			try (PreparedStatement lock = otherReplica.prepareStatement("select pg_advisory_xact_lock(?)")) {
				lock.setLong(1, PostgresOutbox.RELAY_LOCK);
				lock.execute();
			}
			Account account = this.api.register();
			await().during(Duration.ofSeconds(2))
				.atMost(Duration.ofSeconds(10))
				.until(() -> outboxRowsOf(account.id()), (count) -> count == 1);
			otherReplica.rollback();
			awaitEvent(account.id(), UserRegistered.class);
		}
	}

	private long outboxRowsOf(String userId) {
		return this.jdbc.sql("select count(*) from outbox_events where message_key = ?")
			.param(userId)
			.query(Long.class)
			.single();
	}

	private ConsumerRecord<String, MurmurEvent> awaitEvent(String userId, Class<? extends MurmurEvent> type) {
		return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ZERO).until(() -> {
			this.consumer.poll(Duration.ofMillis(500)).forEach(this.received::add);
			return eventsOf(userId).stream()
				.filter((record) -> type.isInstance(record.value()))
				.findFirst()
				.orElse(null);
		}, (record) -> record != null);
	}

	private List<ConsumerRecord<String, MurmurEvent>> eventsOf(String userId) {
		return this.received.stream().filter((record) -> userId.equals(record.key())).toList();
	}

}
