package io.murmur.support.events.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

import io.murmur.events.EventDeserializer;
import io.murmur.events.EventType;
import io.murmur.events.MurmurEvent;
import io.murmur.events.Topics;
import io.murmur.events.user.ProfileUpdated;
import io.murmur.events.user.UserRegistered;
import io.murmur.support.events.app.EventSupportIntegrationTest;
import io.murmur.support.events.app.TopicContents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The PostgreSQL outbox against a real PostgreSQL and Kafka: what a committed transaction
 * stored reaches Kafka in order, with its type, right after the commit (the relay's own
 * poll is 5 s here), and leaves the table; what a rolled-back one stored never does.
 */
@EventSupportIntegrationTest
class PostgresOutboxIntegrationTests {

	private static final Duration SOON = Duration.ofSeconds(3);

	@Autowired
	PostgresOutbox outbox;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MeterRegistry meters;

	@Value("${spring.kafka.bootstrap-servers}")
	String bootstrapServers;

	@Test
	void shouldPublishWhatACommittedTransactionStoredInOrderWithItsTypeRightAfterTheCommit() {
		long user = newId();
		UserRegistered registered = new UserRegistered(UUID.randomUUID(), Instant.now(), user, "h" + user, "Alice");
		ProfileUpdated renamed = new ProfileUpdated(UUID.randomUUID(), Instant.now(), user, "h" + user, "Alice L.",
				"Curiouser", null);
		ProfileUpdated again = new ProfileUpdated(UUID.randomUUID(), Instant.now(), user, "h" + user, "Alice Liddell",
				"Curiouser and curiouser", null);
		double publishedBefore = published("profile.updated.v1");

		this.transaction.executeWithoutResult((status) -> {
			this.outbox.append(registered);
			this.outbox.appendAll(List.of(renamed, again));
		});

		List<ConsumerRecord<String, byte[]>> records = await().atMost(SOON)
			.until(() -> read(Long.toString(user)), (read) -> read.size() == 3);
		assertThat(records).extracting((record) -> event(record)).containsExactly(registered, renamed, again);
		assertThat(records).extracting(
				(record) -> new String(record.headers().lastHeader(EventType.HEADER).value(), StandardCharsets.UTF_8))
			.containsExactly(EventType.of(registered).id(), EventType.of(renamed).id(), EventType.of(again).id());
		assertThat(records).extracting(ConsumerRecord::partition).containsOnly(records.get(0).partition());
		await().atMost(SOON).untilAsserted(() -> assertThat(stored(user)).isZero());
		assertThat(published("profile.updated.v1")).isEqualTo(publishedBefore + 2);
	}

	@Test
	void shouldPublishNothingARolledBackTransactionStored() {
		long user = newId();
		long witness = newId();

		this.transaction.executeWithoutResult((status) -> {
			this.outbox.append(new UserRegistered(UUID.randomUUID(), Instant.now(), user, "h" + user, "Bob"));
			status.setRollbackOnly();
		});
		this.transaction.executeWithoutResult((status) -> this.outbox
			.append(new UserRegistered(UUID.randomUUID(), Instant.now(), witness, "h" + witness, "Witness")));

		await().atMost(SOON).until(() -> read(Long.toString(witness)), (read) -> read.size() == 1);
		assertThat(read(Long.toString(user))).isEmpty();
		assertThat(stored(user)).isZero();
	}

	@Test
	void shouldRefuseAnEventOutsideATransaction() {
		long user = newId();
		assertThatExceptionOfType(IllegalTransactionStateException.class).isThrownBy(() -> this.outbox
			.append(new UserRegistered(UUID.randomUUID(), Instant.now(), user, "h" + user, "Carol")));
		assertThat(stored(user)).isZero();
	}

	private long stored(long user) {
		return this.jdbc.sql("select count(*) from outbox_events where message_key = ?")
			.param(Long.toString(user))
			.query(Long.class)
			.single();
	}

	private double published(String type) {
		var counter = this.meters.find("murmur.outbox.published").tag("type", type).counter();
		return (counter != null) ? counter.count() : 0;
	}

	private List<ConsumerRecord<String, byte[]>> read(String key) {
		return TopicContents.recordsOf(this.bootstrapServers, Topics.USER, key);
	}

	private static MurmurEvent event(ConsumerRecord<String, byte[]> record) {
		return new EventDeserializer().deserialize(record.topic(), record.headers(), record.value());
	}

	private static long newId() {
		return ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);
	}

}
