package io.murmur.graph.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.jspecify.annotations.Nullable;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.Transaction;
import org.neo4j.driver.TransactionConfig;

import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.support.SendResult;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.murmur.events.EventType;
import io.murmur.graph.config.GraphProperties;

/**
 * Publishes the outbox to Kafka, lowest sequence first, and deletes each event once Kafka
 * has acknowledged it: delivery is at least once.
 * <p>
 * One relay publishes at a time across all replicas: a run write-locks the
 * {@code :OutboxRelay} node for its transaction, and another replica's run waits for it
 * and then reads only what is left. A run stops at the first event Kafka does not
 * acknowledge, keeps it and everything after it, and the relay backs off (exponentially,
 * up to a limit) before trying again, so an outage of Kafka delays events but loses none
 * and never reorders them. The producer's short {@code max.block.ms} and
 * {@code delivery.timeout.ms} keep a run from hanging while Kafka is away.
 */
@Component
class OutboxRelay {

	private static final Log log = LogFactory.getLog(OutboxRelay.class);

	private static final Duration ACK_TIMEOUT = Duration.ofSeconds(60);

	private static final Duration TRANSACTION_TIMEOUT = Duration.ofMinutes(2);

	private final Driver driver;

	private final KafkaOperations<Object, Object> kafka;

	private final GraphProperties.Outbox properties;

	private final MeterRegistry meters;

	private final Counter failures;

	private @Nullable Duration backoff;

	private Instant nextAttempt = Instant.MIN;

	OutboxRelay(Driver driver, KafkaOperations<Object, Object> kafka, GraphProperties properties,
			MeterRegistry meters) {
		this.driver = driver;
		this.kafka = kafka;
		this.properties = properties.outbox();
		this.meters = meters;
		this.failures = Counter.builder("murmur.outbox.publish.failures")
			.description("Relay runs that stopped because Kafka did not acknowledge an event")
			.register(meters);
		Gauge.builder("murmur.outbox.backlog", this, OutboxRelay::backlog)
			.description("Events stored in the outbox and not yet acknowledged by Kafka")
			.register(meters);
	}

	@Scheduled(fixedDelayString = "${murmur.graph.outbox.poll-interval}")
	void relay() {
		if (Instant.now().isBefore(this.nextAttempt)) {
			return;
		}
		try {
			Batch batch;
			do {
				batch = publishBatch();
			}
			while (batch.failure() == null && batch.read() == this.properties.batchSize());
			if (batch.failure() != null) {
				backOff(batch.failure());
			}
			else {
				this.backoff = null;
			}
		}
		catch (RuntimeException ex) {
			backOff(ex);
		}
	}

	private Batch publishBatch() {
		try (Session session = this.driver.session();
				Transaction tx = session
					.beginTransaction(TransactionConfig.builder().withTimeout(TRANSACTION_TIMEOUT).build())) {
			tx.run("MERGE (r:OutboxRelay {name: $name}) SET r._LOCK_ = true REMOVE r._LOCK_",
					Map.of("name", Outbox.SEQUENCE))
				.consume();
			List<Event> events = tx.run("""
					MATCH (e:OutboxEvent)
					RETURN e.sequence AS sequence, e.type AS type, e.topic AS topic, e.key AS key, e.payload AS payload
					ORDER BY e.sequence
					LIMIT $limit
					""", Map.of("limit", this.properties.batchSize()))
				.list((row) -> new Event(row.get("sequence").asLong(), row.get("type").asString(),
						row.get("topic").asString(), row.get("key").asString(), row.get("payload").asString()));
			if (events.isEmpty()) {
				tx.rollback();
				return new Batch(0, null);
			}
			List<Long> acknowledged = new ArrayList<>();
			Exception failure = send(events, acknowledged);
			if (!acknowledged.isEmpty()) {
				tx.run("MATCH (e:OutboxEvent) WHERE e.sequence IN $sequences DELETE e",
						Map.of("sequences", acknowledged))
					.consume();
			}
			tx.commit();
			return new Batch(events.size(), failure);
		}
	}

	private @Nullable Exception send(List<Event> events, List<Long> acknowledged) {
		List<CompletableFuture<SendResult<Object, Object>>> sends = new ArrayList<>();
		Exception failure = null;
		for (Event event : events) {
			try {
				sends.add(this.kafka.send(event.record()));
			}
			catch (RuntimeException ex) {
				failure = ex;
				break;
			}
		}
		for (int i = 0; i < sends.size(); i++) {
			try {
				sends.get(i).get(ACK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return ex;
			}
			catch (ExecutionException | TimeoutException ex) {
				return ex;
			}
			Event event = events.get(i);
			acknowledged.add(event.sequence());
			Counter.builder("murmur.outbox.published")
				.description("Events the relay published and Kafka acknowledged")
				.tag("type", event.type())
				.register(this.meters)
				.increment();
		}
		return failure;
	}

	private void backOff(Throwable failure) {
		Duration min = this.properties.minBackoff();
		Duration next = (this.backoff != null) ? this.backoff.multipliedBy(2) : min;
		this.backoff = (next.compareTo(this.properties.maxBackoff()) > 0) ? this.properties.maxBackoff() : next;
		this.nextAttempt = Instant.now().plus(this.backoff);
		this.failures.increment();
		Throwable cause = (failure instanceof ExecutionException && failure.getCause() != null) ? failure.getCause()
				: failure;
		log.warn("Could not publish the outbox (" + cause + "); retrying in " + this.backoff);
	}

	private double backlog() {
		try (Session session = this.driver.session()) {
			return session.run("MATCH (e:OutboxEvent) RETURN count(e) AS n").single().get("n").asLong();
		}
		catch (RuntimeException ex) {
			return Double.NaN;
		}
	}

	private record Event(long sequence, String type, String topic, String key, String payload) {

		ProducerRecord<Object, Object> record() {
			ProducerRecord<Object, Object> record = new ProducerRecord<>(this.topic, this.key,
					this.payload.getBytes(StandardCharsets.UTF_8));
			record.headers().add(EventType.HEADER, this.type.getBytes(StandardCharsets.UTF_8));
			return record;
		}

	}

	private record Batch(int read, @Nullable Exception failure) {

	}

}
