package io.murmur.support.events.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.NetworkException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.mock.MockProducerFactory;

import io.murmur.events.EventType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The relay's own logic, with a store in memory and Kafka's {@link MockProducer}: order,
 * the type header, stopping at the first event Kafka does not acknowledge, backing off,
 * waking on a write, and its metrics. Against real PostgreSQL and Kafka, see
 * {@link PostgresOutboxIntegrationTests}.
 */
class OutboxRelayTests {

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final FlakyProducer producer = new FlakyProducer();

	private final MemoryStore store = new MemoryStore(100);

	private OutboxRelay relay = relay(Duration.ofHours(1));

	@AfterEach
	void stop() {
		this.relay.stop();
	}

	@Test
	void shouldPublishEveryEventInOrderWithItsTypeAndRemoveWhatKafkaAcknowledged() {
		this.store.add(250);

		this.relay.relay();

		assertThat(this.producer.history()).extracting(ProducerRecord::key).containsExactlyElementsOf(keys(0, 250));
		assertThat(this.producer.history()).allSatisfy((record) -> assertThat(
				new String(record.headers().lastHeader(EventType.HEADER).value(), StandardCharsets.UTF_8))
			.isEqualTo("test.happened.v1"));
		assertThat(this.store.pending).isEmpty();
		assertThat(this.meters.counter("murmur.outbox.published", "type", "test.happened.v1").count()).isEqualTo(250);
		assertThat(this.meters.timer("murmur.outbox.delay").count()).isEqualTo(250);
		assertThat(this.meters.get("murmur.outbox.backlog").gauge().value()).isZero();
	}

	@Nested
	class WhenKafkaDoesNotAcknowledge {

		@Test
		void shouldKeepTheFirstUnacknowledgedEventAndEverythingAfterItThenPublishThemInOrder() {
			OutboxRelayTests.this.store.add(10);
			OutboxRelayTests.this.producer.failSendNumber = 4;

			OutboxRelayTests.this.relay.relay();

			assertThat(OutboxRelayTests.this.store.pending).extracting(OutboxRecord::key)
				.containsExactlyElementsOf(keys(3, 10));
			assertThat(OutboxRelayTests.this.meters.counter("murmur.outbox.publish.failures").count()).isOne();
			int sentInFirstRun = OutboxRelayTests.this.producer.history().size();
			await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
				OutboxRelayTests.this.relay.relay();
				assertThat(OutboxRelayTests.this.store.pending).isEmpty();
			});
			List<ProducerRecord<Object, Object>> history = OutboxRelayTests.this.producer.history();
			assertThat(history.subList(sentInFirstRun, history.size())).extracting(ProducerRecord::key)
				.containsExactlyElementsOf(keys(3, 10));
		}

		@Test
		void shouldBackOffInsteadOfTryingOnEveryPoll() {
			OutboxRelayTests.this.store.add(1);
			OutboxRelayTests.this.producer.sendException = new NetworkException("broker away");
			Instant end = Instant.now().plusSeconds(1);
			int runs = 0;
			while (Instant.now().isBefore(end)) {
				OutboxRelayTests.this.relay.relay();
				runs++;
			}

			assertThat(runs).isGreaterThan(100);
			assertThat(OutboxRelayTests.this.meters.counter("murmur.outbox.publish.failures").count()).isBetween(2.0,
					5.0);
			assertThat(OutboxRelayTests.this.store.pending).hasSize(1);
		}

	}

	@Test
	void shouldPublishRightAfterAWakeInsteadOfAtTheNextPoll() {
		this.relay.start();
		await().atMost(Duration.ofSeconds(5)).until(() -> this.store.runs > 0);
		this.store.add(3);

		this.relay.wake();

		await().atMost(Duration.ofSeconds(2)).untilAsserted(() -> assertThat(this.store.pending).isEmpty());
		assertThat(this.producer.acknowledged).containsExactlyElementsOf(keys(0, 3));
	}

	@Test
	void shouldNotRunOnAWakeTheStoreSaysIsNotWorthIt() {
		this.relay.start();
		await().atMost(Duration.ofSeconds(5)).until(() -> this.store.runs > 0);
		this.store.worthWaking = false;
		int runs = this.store.runs;
		this.store.add(3);

		this.relay.wake();

		await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(1)).until(() -> this.store.runs == runs);
		assertThat(this.store.pending).hasSize(3);
	}

	private OutboxRelay relay(Duration pollInterval) {
		KafkaTemplate<Object, Object> kafka = new KafkaTemplate<>(new MockProducerFactory<>(() -> this.producer));
		OutboxProperties properties = new OutboxProperties(null, pollInterval, 100, Duration.ofMillis(200),
				Duration.ofMillis(400), Duration.ofSeconds(5), Duration.ofMillis(25));
		return new OutboxRelay(this.store, kafka, properties, this.meters);
	}

	private static List<String> keys(int from, int to) {
		List<String> keys = new ArrayList<>();
		for (int i = from; i < to; i++) {
			keys.add("key-" + i);
		}
		return keys;
	}

	/**
	 * An outbox in memory, relayed as the real stores do: batches oldest first, removing
	 * what was acknowledged, stopping at a batch not published whole.
	 */
	static final class MemoryStore implements OutboxStore {

		final List<OutboxRecord> pending = new ArrayList<>();

		private final int batchSize;

		private int added;

		volatile int runs;

		volatile boolean worthWaking = true;

		MemoryStore(int batchSize) {
			this.batchSize = batchSize;
		}

		synchronized void add(int count) {
			for (int i = 0; i < count; i++) {
				this.pending.add(new OutboxRecord("test.happened.v1", "murmur.test.v1", "key-" + this.added++,
						"{}".getBytes(StandardCharsets.UTF_8), Instant.now()));
			}
		}

		@Override
		public synchronized void relay(OutboxPublisher publisher) {
			this.runs++;
			while (!this.pending.isEmpty()) {
				List<OutboxRecord> batch = List
					.copyOf(this.pending.subList(0, Math.min(this.batchSize, this.pending.size())));
				int acknowledged = publisher.publish(batch);
				this.pending.subList(0, acknowledged).clear();
				if (acknowledged < batch.size()) {
					return;
				}
			}
		}

		@Override
		public boolean worthWaking() {
			return this.worthWaking;
		}

		@Override
		public synchronized java.util.OptionalLong backlog() {
			return java.util.OptionalLong.of(this.pending.size());
		}

	}

	/**
	 * A mock producer that acknowledges every send but one.
	 */
	static final class FlakyProducer extends MockProducer<Object, Object> {

		final List<String> acknowledged = new ArrayList<>();

		int failSendNumber = -1;

		private int sends;

		@SuppressWarnings({ "unchecked", "rawtypes" })
		FlakyProducer() {
			super(true, null, (org.apache.kafka.common.serialization.Serializer) new StringSerializer(),
					(org.apache.kafka.common.serialization.Serializer) new ByteArraySerializer());
		}

		@Override
		public synchronized Future<RecordMetadata> send(ProducerRecord<Object, Object> record, Callback callback) {
			if (++this.sends == this.failSendNumber) {
				CompletableFuture<RecordMetadata> failed = CompletableFuture
					.failedFuture(new NetworkException("lost on the way"));
				if (callback != null) {
					callback.onCompletion(null, new NetworkException("lost on the way"));
				}
				return failed;
			}
			Future<RecordMetadata> sent = super.send(record, callback);
			this.acknowledged.add((String) record.key());
			return sent;
		}

		/**
		 * Stays open: the template closes its producer after each send, as it would
		 * return a pooled one to its factory.
		 */
		@Override
		public void close(Duration timeout) {
		}

	}

}
