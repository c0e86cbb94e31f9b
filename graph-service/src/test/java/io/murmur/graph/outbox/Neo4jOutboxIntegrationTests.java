package io.murmur.graph.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.search.Search;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.murmur.events.EventJson;
import io.murmur.events.EventType;
import io.murmur.events.Topics;
import io.murmur.events.graph.UserFollowed;
import io.murmur.graph.GraphIntegrationTests;
import io.murmur.graph.KafkaRecords;
import io.murmur.support.events.outbox.OutboxProperties;
import io.murmur.support.events.outbox.OutboxRelay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The Neo4j outbox under the shared relay: what a committed transaction stored reaches
 * Kafka, what a rolled-back one stored never does, and two relays over one graph (two
 * replicas) publish every event once, in order.
 */
class Neo4jOutboxIntegrationTests extends GraphIntegrationTests {

	@Autowired
	Neo4jOutbox outbox;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Autowired
	Neo4jClient neo4j;

	@Autowired
	KafkaOperations<Object, Object> kafka;

	@Autowired
	OutboxProperties properties;

	@Autowired
	MeterRegistry meters;

	@Autowired
	Driver driver;

	@Nested
	class Transactions {

		@Test
		void shouldPublishNothingARolledBackTransactionStored() {
			long user = unknownUser();
			TransactionTemplate transaction = new TransactionTemplate(
					Neo4jOutboxIntegrationTests.this.transactionManager);

			transaction.executeWithoutResult((status) -> {
				Neo4jOutboxIntegrationTests.this.outbox.append(followed(user, 1));
				status.setRollbackOnly();
			});
			transaction
				.executeWithoutResult((status) -> Neo4jOutboxIntegrationTests.this.outbox.append(followed(user, 2)));

			assertThat(KafkaRecords.read(Topics.GRAPH, (record) -> Long.toString(user).equals(record.key()), 1))
				.singleElement()
				.satisfies((record) -> assertThat(followed(record).followeeId()).isEqualTo(2));
			await().untilAsserted(() -> assertThat(stored(user)).isZero());
		}

		@Test
		void shouldRefuseAnEventOutsideATransaction() {
			long user = unknownUser();

			assertThatExceptionOfType(IllegalTransactionStateException.class)
				.isThrownBy(() -> Neo4jOutboxIntegrationTests.this.outbox.append(followed(user, 1)));

			assertThat(stored(user)).isZero();
		}

	}

	@Nested
	class TwoRelays {

		private static final int WRITERS = 4;

		private static final int EVENTS_PER_WRITER = 60;

		@Test
		void shouldPublishEveryEventOnceAndInOrderWhileTwoReplicasRelay() throws Exception {
			SimpleMeterRegistry secondMeters = new SimpleMeterRegistry();
			OutboxRelay second = new OutboxRelay(new Neo4jOutboxStore(Neo4jOutboxIntegrationTests.this.neo4j,
					Neo4jOutboxIntegrationTests.this.transactionManager, Neo4jOutboxIntegrationTests.this.properties),
					Neo4jOutboxIntegrationTests.this.kafka, Neo4jOutboxIntegrationTests.this.properties, secondMeters);
			double firstPublishedBefore = published(Neo4jOutboxIntegrationTests.this.meters);
			List<Long> writers = new ArrayList<>();
			for (int i = 0; i < WRITERS; i++) {
				writers.add(unknownUser());
			}
			TransactionTemplate transaction = new TransactionTemplate(
					Neo4jOutboxIntegrationTests.this.transactionManager);
			second.start();
			try (ExecutorService threads = Executors.newFixedThreadPool(WRITERS)) {
				List<Future<?>> done = new ArrayList<>();
				for (long writer : writers) {
					done.add(threads.submit(() -> {
						for (int n = 1; n <= EVENTS_PER_WRITER; n++) {
							UserFollowed event = followed(writer, n);
							transaction.executeWithoutResult(
									(status) -> Neo4jOutboxIntegrationTests.this.outbox.append(event));
							second.wake();
						}
					}));
				}
				for (Future<?> writing : done) {
					writing.get();
				}
				List<ConsumerRecord<String, byte[]>> records = KafkaRecords.read(Topics.GRAPH,
						(record) -> writers.contains(Long.parseLong(record.key())), WRITERS * EVENTS_PER_WRITER);

				assertThat(records).hasSize(WRITERS * EVENTS_PER_WRITER);
				assertThat(records).extracting((record) -> followed(record).eventId()).doesNotHaveDuplicates();
				for (long writer : writers) {
					assertThat(records.stream()
						.filter((record) -> record.key().equals(Long.toString(writer)))
						.map((record) -> followed(record).followeeId())
						.toList()).as("events of %s", writer).isSorted().hasSize(EVENTS_PER_WRITER);
				}
				await().atMost(Duration.ofSeconds(10))
					.untilAsserted(
							() -> assertThat(writers.stream().mapToLong(Neo4jOutboxIntegrationTests.this::stored).sum())
								.isZero());
				assertThat(published(secondMeters)).as("published by the second relay").isPositive();
				assertThat(published(Neo4jOutboxIntegrationTests.this.meters) - firstPublishedBefore)
					.as("published by the service's relay")
					.isPositive();
			}
			finally {
				second.stop();
			}
		}

		private static double published(MeterRegistry registry) {
			return Search.in(registry)
				.name("murmur.outbox.published")
				.tag("type", EventType.USER_FOLLOWED.id())
				.counters()
				.stream()
				.mapToDouble((counter) -> counter.count())
				.sum();
		}

	}

	private static UserFollowed followed(long follower, long followee) {
		return new UserFollowed(UUID.randomUUID(), Instant.now(), follower, followee, Instant.now());
	}

	private static UserFollowed followed(ConsumerRecord<String, byte[]> record) {
		return (UserFollowed) EventJson.read(
				new String(record.headers().lastHeader(EventType.HEADER).value(), StandardCharsets.UTF_8),
				record.value());
	}

	private long stored(long user) {
		return GraphEventsIntegrationTests.storedEventsOf(this.driver, user);
	}

}
