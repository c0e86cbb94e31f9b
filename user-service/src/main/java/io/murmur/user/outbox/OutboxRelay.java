package io.murmur.user.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.murmur.events.EventType;
import io.murmur.user.config.UserProperties;

/**
 * Publishes the outbox to Kafka, oldest event first, and deletes each event once Kafka
 * has acknowledged it: delivery is at least once.
 * <p>
 * One relay publishes at a time across all replicas: a run holds a PostgreSQL advisory
 * lock for its transaction, and the others skip their turn. A run stops at the first
 * event Kafka does not acknowledge, keeps it and everything after it, and the relay backs
 * off (exponentially, up to a limit) before trying again, so an outage of Kafka delays
 * events but loses none and never reorders the events of one key. The producer's short
 * {@code max.block.ms} and {@code delivery.timeout.ms} keep a run from hanging while
 * Kafka is away.
 */
@Component
class OutboxRelay {

	private static final Log log = LogFactory.getLog(OutboxRelay.class);

	/**
	 * The advisory lock only one relay holds at a time: "murmur" and 1 for the outbox.
	 */
	static final long LOCK_KEY = 0x6d75726d75720001L;

	private static final Duration ACK_TIMEOUT = Duration.ofSeconds(60);

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	private final KafkaTemplate<String, byte[]> kafka;

	private final UserProperties.Outbox properties;

	private final MeterRegistry meters;

	private final Counter failures;

	private @Nullable Duration backoff;

	private Instant nextAttempt = Instant.MIN;

	OutboxRelay(JdbcClient jdbc, TransactionTemplate transaction, KafkaTemplate<String, byte[]> kafka,
			UserProperties properties, MeterRegistry meters) {
		this.jdbc = jdbc;
		this.transaction = transaction;
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

	@Scheduled(fixedDelayString = "${murmur.user.outbox.poll-interval}")
	void relay() {
		if (Instant.now().isBefore(this.nextAttempt)) {
			return;
		}
		try {
			Batch batch;
			do {
				batch = this.transaction.execute((status) -> publishBatch());
			}
			while (batch != null && batch.failure() == null && batch.read() == this.properties.batchSize());
			if (batch != null && batch.failure() != null) {
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
		Boolean locked = this.jdbc.sql("select pg_try_advisory_xact_lock(?)")
			.param(LOCK_KEY)
			.query(Boolean.class)
			.single();
		if (!Boolean.TRUE.equals(locked)) {
			return new Batch(0, null);
		}
		List<Event> events = this.jdbc
			.sql("select id, event_type, topic, message_key, payload from outbox_events order by id limit ?")
			.param(this.properties.batchSize())
			.query((rs, row) -> new Event(rs.getLong("id"), rs.getString("event_type"), rs.getString("topic"),
					rs.getString("message_key"), rs.getString("payload")))
			.list();
		if (events.isEmpty()) {
			return new Batch(0, null);
		}
		List<CompletableFuture<SendResult<String, byte[]>>> sends = new ArrayList<>();
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
		List<Long> acknowledged = new ArrayList<>();
		for (int i = 0; i < sends.size(); i++) {
			try {
				sends.get(i).get(ACK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				failure = ex;
				break;
			}
			catch (ExecutionException | TimeoutException ex) {
				failure = ex;
				break;
			}
			Event event = events.get(i);
			acknowledged.add(event.id());
			Counter.builder("murmur.outbox.published")
				.description("Events the relay published and Kafka acknowledged")
				.tag("type", event.type())
				.register(this.meters)
				.increment();
		}
		if (!acknowledged.isEmpty()) {
			this.jdbc.sql("delete from outbox_events where id in (:ids)").param("ids", acknowledged).update();
		}
		return new Batch(events.size(), failure);
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
		try {
			Long count = this.jdbc.sql("select count(*) from outbox_events").query(Long.class).single();
			return (count != null) ? count : Double.NaN;
		}
		catch (RuntimeException ex) {
			return Double.NaN;
		}
	}

	private record Event(long id, String type, String topic, String key, String payload) {

		ProducerRecord<String, byte[]> record() {
			ProducerRecord<String, byte[]> record = new ProducerRecord<>(this.topic, this.key,
					this.payload.getBytes(StandardCharsets.UTF_8));
			record.headers().add(EventType.HEADER, this.type.getBytes(StandardCharsets.UTF_8));
			return record;
		}

	}

	private record Batch(int read, @Nullable Exception failure) {

	}

}
