package io.murmur.graph.user;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.neo4j.driver.exceptions.ServiceUnavailableException;
import org.neo4j.driver.exceptions.TransientException;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.TransactionSystemException;

import io.murmur.events.EventJson;
import io.murmur.events.EventType;
import io.murmur.events.Topics;
import io.murmur.events.user.UserRegistered;
import io.murmur.graph.GraphIntegrationTests;
import io.murmur.graph.KafkaRecords;
import io.murmur.localstack.LocalStack;
import io.murmur.support.events.kafka.ConsumerFailures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Users entering the graph from {@code UserRegistered} events on the user topic.
 */
class UserEventsIntegrationTests extends GraphIntegrationTests {

	@Autowired
	Driver driver;

	@Autowired
	ConsumerFailures failures;

	@Test
	void shouldAddARegisteredUserOnceWhenTheEventIsDeliveredTwice() throws Exception {
		long userId = unknownUser();
		UserRegistered registered = new UserRegistered(UUID.randomUUID(), Instant.now(), userId, "h" + userId, "H");

		try (KafkaProducer<String, byte[]> producer = producer()) {
			producer.send(record(registered.key(), EventType.USER_REGISTERED.id(), EventJson.write(registered))).get();
			producer.send(record(registered.key(), EventType.USER_REGISTERED.id(), EventJson.write(registered))).get();
		}

		await().untilAsserted(() -> assertThat(nodes(userId)).isEqualTo(1));
		long follower = newUser();
		assertThat(as(follower, "POST", "/api/v1/users/" + userId + "/follow").status()).isEqualTo(204);
		assertThat(userService.lookups())
			.noneSatisfy((lookup) -> assertThat(lookup.body()).contains("\"" + userId + "\""));
		assertThat(nodes(userId)).isEqualTo(1);
	}

	@Test
	void shouldParkAPoisonMessageAndGoOnWithTheEventsAfterIt() throws Exception {
		long userId = unknownUser();
		String key = Long.toString(userId);
		byte[] poison = "{\"eventId\":".getBytes(StandardCharsets.UTF_8);
		UserRegistered registered = new UserRegistered(UUID.randomUUID(), Instant.now(), userId, "h" + userId, "H");

		try (KafkaProducer<String, byte[]> producer = producer()) {
			producer.send(record(key, EventType.USER_REGISTERED.id(), poison)).get();
			producer.send(record(key, EventType.USER_REGISTERED.id(), EventJson.write(registered))).get();
		}

		await().untilAsserted(() -> assertThat(nodes(userId)).isEqualTo(1));
		assertThat(KafkaRecords.read(Topics.deadLetter(Topics.USER, "graph-service"),
				(record) -> key.equals(record.key()), 1))
			.singleElement()
			.satisfies((record) -> assertThat(record.value()).isEqualTo(poison));
	}

	@Test
	void shouldKeepRetryingAnEventWhileNeo4jFailsInAWayThatMayPass() {
		TransactionSystemException cannotBegin = new TransactionSystemException("Could not open a new Neo4j session",
				new ServiceUnavailableException("Unable to connect to the database"));
		TransactionSystemException deadlock = new TransactionSystemException("Commit failed",
				new TransientException("Neo.TransientError.Transaction.DeadlockDetected", "Deadlock"));

		assertThat(this.failures.isTransient(cannotBegin)).isTrue();
		assertThat(this.failures.isTransient(deadlock)).isTrue();
		assertThat(this.failures.isTransient(new IllegalArgumentException("Unexpected event"))).isFalse();
	}

	private long nodes(long userId) {
		try (var session = this.driver.session()) {
			return session.run("MATCH (u:User {id: $id}) RETURN count(u) AS n", Map.of("id", userId))
				.single()
				.get("n")
				.asLong();
		}
	}

	private static KafkaProducer<String, byte[]> producer() {
		return new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalStack.shared().kafka().bootstrapServers()),
				new StringSerializer(), new ByteArraySerializer());
	}

	private static ProducerRecord<String, byte[]> record(String key, String type, byte[] value) {
		RecordHeaders headers = new RecordHeaders();
		headers.add(EventType.HEADER, type.getBytes(StandardCharsets.UTF_8));
		return new ProducerRecord<>(Topics.USER, null, key, value, headers);
	}

}
