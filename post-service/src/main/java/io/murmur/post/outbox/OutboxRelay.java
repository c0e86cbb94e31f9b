package io.murmur.post.outbox;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.BatchStatement;
import com.datastax.oss.driver.api.core.cql.BatchStatementBuilder;
import com.datastax.oss.driver.api.core.cql.BatchType;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.jspecify.annotations.Nullable;

import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.stereotype.Component;

import io.murmur.events.EventType;
import io.murmur.post.config.PostProperties;

/**
 * Publishes the outbox to Kafka, partition by partition in event order, and deletes each
 * row once Kafka has acknowledged it: delivery is at least once.
 * <p>
 * Each shard has a progress mark, the oldest minute that may still hold unpublished rows.
 * A run reads every minute from the mark up to now, publishes what it finds and deletes
 * the published rows. A minute older than the settle time is closed: once it is empty its
 * partition is dropped with one partition tombstone and the mark moves past it. Reading a
 * partition from its start on every run, rather than after the last published id, means a
 * row that lands late (written by a replica whose clock is behind) is still found, as
 * long as it lands within the settle time.
 * <p>
 * One replica relays at a time: it holds a lease row written with a lightweight
 * transaction and a TTL, renewed while it runs; another replica takes over when the lease
 * lapses. A run stops at the first event Kafka does not acknowledge, keeps it and
 * everything after it, and the relay backs off (exponentially, up to a limit) before
 * trying again, so an outage of Kafka delays events but loses none. The producer's short
 * {@code max.block.ms} and {@code delivery.timeout.ms} keep a run from hanging while
 * Kafka is away.
 * <p>
 * Runs happen on one thread of the relay's own: every poll interval, and as soon as a
 * write on this replica stored rows ({@link #wake()}), so that an event reaches Kafka
 * right after its change is acknowledged rather than up to a poll interval later. Wakes
 * that arrive while a run is waiting to start fold into it, and a woken run starts at
 * least {@link #WAKE_GAP} after the previous one.
 */
@Component
class OutboxRelay implements SmartLifecycle {

	private static final Log log = LogFactory.getLog(OutboxRelay.class);

	private static final String LEASE = "relay";

	private static final long COLD_START_BUCKETS = 60;

	private static final Duration ACK_TIMEOUT = Duration.ofSeconds(60);

	/**
	 * How long stopping waits for a run to end before interrupting it; what it had not
	 * deleted is published again by the next relay, as delivery is at least once.
	 */
	private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

	/**
	 * The shortest time between the starts of two runs a wake asks for. Every run reads
	 * each shard's open minutes whatever it finds there, so under a burst of writes, runs
	 * back to back would cost post-service and Cassandra more than the events they
	 * publish: there a wake waits for the gap and its run takes every row written
	 * meanwhile. A lone write is published at once.
	 */
	private static final Duration WAKE_GAP = Duration.ofMillis(25);

	private final CqlSession session;

	private final KafkaTemplate<String, byte[]> kafka;

	private final PostProperties.Outbox properties;

	private final Counter published;

	private final Counter failures;

	private final String owner = UUID.randomUUID().toString();

	private final PreparedStatement selectRows;

	private final PreparedStatement deleteRow;

	private final PreparedStatement deletePartition;

	private final PreparedStatement selectProgress;

	private final PreparedStatement saveProgress;

	private final PreparedStatement acquireLease;

	private final PreparedStatement renewLease;

	private long @Nullable [] progress;

	private volatile Instant leaseRenewedAt = Instant.MIN;

	private final AtomicBoolean wakeQueued = new AtomicBoolean();

	private volatile long lastRunStarted = System.nanoTime() - WAKE_GAP.toNanos();

	private volatile @Nullable ScheduledExecutorService runner;

	private @Nullable Duration backoff;

	private Instant nextAttempt = Instant.MIN;

	OutboxRelay(CqlSession session, KafkaTemplate<String, byte[]> kafka, PostProperties properties,
			MeterRegistry meters) {
		this.session = session;
		this.kafka = kafka;
		this.properties = properties.outbox();
		this.published = Counter.builder("murmur.outbox.published")
			.description("Events the relay published and Kafka acknowledged")
			.register(meters);
		this.failures = Counter.builder("murmur.outbox.publish.failures")
			.description("Relay runs that stopped because Kafka did not acknowledge an event")
			.register(meters);
		this.selectRows = session.prepare("SELECT event_id, event_type, topic, message_key, payload FROM outbox"
				+ " WHERE shard = ? AND bucket = ? LIMIT ?");
		this.deleteRow = session.prepare("DELETE FROM outbox WHERE shard = ? AND bucket = ? AND event_id = ?");
		this.deletePartition = session.prepare("DELETE FROM outbox WHERE shard = ? AND bucket = ?");
		this.selectProgress = session.prepare("SELECT bucket FROM outbox_progress WHERE shard = ?");
		this.saveProgress = session.prepare("UPDATE outbox_progress SET bucket = ? WHERE shard = ?");
		this.acquireLease = session
			.prepare("INSERT INTO outbox_lease (name, owner) VALUES (?, ?) IF NOT EXISTS USING TTL ?");
		this.renewLease = session.prepare("UPDATE outbox_lease USING TTL ? SET owner = ? WHERE name = ? IF owner = ?");
	}

	@Override
	public void start() {
		ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "outbox-relay");
			thread.setDaemon(true);
			return thread;
		});
		long interval = this.properties.pollInterval().toMillis();
		started.scheduleWithFixedDelay(this::runGuarded, 0, interval, TimeUnit.MILLISECONDS);
		this.runner = started;
	}

	@Override
	public void stop() {
		ScheduledExecutorService stopping = this.runner;
		this.runner = null;
		if (stopping == null) {
			return;
		}
		stopping.shutdown();
		try {
			if (!stopping.awaitTermination(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
				stopping.shutdownNow();
			}
		}
		catch (InterruptedException ex) {
			stopping.shutdownNow();
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return this.runner != null;
	}

	/**
	 * Starts a run now, unless one is already waiting to start or this replica does not
	 * hold the lease (the holder's poll publishes what other replicas store).
	 */
	void wake() {
		ScheduledExecutorService current = this.runner;
		if (current == null || this.leaseRenewedAt.equals(Instant.MIN) || !this.wakeQueued.compareAndSet(false, true)) {
			return;
		}
		long wait = this.lastRunStarted + WAKE_GAP.toNanos() - System.nanoTime();
		try {
			current.schedule(() -> {
				this.wakeQueued.set(false);
				runGuarded();
			}, Math.max(0, wait), TimeUnit.NANOSECONDS);
		}
		catch (RejectedExecutionException ex) {
			this.wakeQueued.set(false);
		}
	}

	/**
	 * A run that cannot end the periodic schedule: an executor stops repeating a task
	 * that throws, and the relay must go on.
	 */
	private void runGuarded() {
		this.lastRunStarted = System.nanoTime();
		try {
			relay();
		}
		catch (Throwable ex) {
			log.error("Outbox relay run failed; the next poll tries again", ex);
		}
	}

	void relay() {
		if (Instant.now().isBefore(this.nextAttempt)) {
			return;
		}
		try {
			if (!holdLease()) {
				this.progress = null;
				return;
			}
			long[] marks = (this.progress != null) ? this.progress : loadProgress();
			this.progress = marks;
			long now = System.currentTimeMillis();
			long current = Outbox.bucket(now);
			long closedBefore = Outbox.bucket(now - this.properties.settleTime().toMillis());
			for (int shard = 0; shard < marks.length; shard++) {
				relayShard(shard, marks, current, closedBefore);
			}
			this.backoff = null;
		}
		catch (RuntimeException ex) {
			backOff(ex);
		}
	}

	private void relayShard(int shard, long[] marks, long current, long closedBefore) {
		for (long bucket = marks[shard]; bucket <= current; bucket++) {
			int read;
			do {
				read = publishPage(shard, bucket);
			}
			while (read == this.properties.batchSize());
			if (bucket < closedBefore && bucket == marks[shard]) {
				this.session.execute(this.deletePartition.bind(shard, bucket));
				marks[shard] = bucket + 1;
				this.session.execute(this.saveProgress.bind(marks[shard], shard));
			}
		}
	}

	private int publishPage(int shard, long bucket) {
		List<Row> rows = this.session.execute(this.selectRows.bind(shard, bucket, this.properties.batchSize())).all();
		if (rows.isEmpty()) {
			return 0;
		}
		List<CompletableFuture<SendResult<String, byte[]>>> sends = new ArrayList<>();
		RuntimeException failure = null;
		for (Row row : rows) {
			try {
				sends.add(this.kafka.send(record(row)));
			}
			catch (RuntimeException ex) {
				failure = ex;
				break;
			}
		}
		BatchStatementBuilder deletes = BatchStatement.builder(BatchType.UNLOGGED);
		for (int i = 0; i < sends.size() && failure == null; i++) {
			try {
				sends.get(i).get(ACK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
				deletes.addStatement(this.deleteRow.bind(shard, bucket, rows.get(i).getUuid("event_id")));
				this.published.increment();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				failure = new IllegalStateException("Interrupted while waiting for Kafka", ex);
			}
			catch (ExecutionException ex) {
				failure = new IllegalStateException("Kafka did not acknowledge an event",
						(ex.getCause() != null) ? ex.getCause() : ex);
			}
			catch (TimeoutException ex) {
				failure = new IllegalStateException("Kafka did not acknowledge an event in time", ex);
			}
		}
		if (deletes.getStatementsCount() > 0) {
			this.session.execute(deletes.build());
		}
		if (failure != null) {
			throw failure;
		}
		return rows.size();
	}

	private static ProducerRecord<String, byte[]> record(Row row) {
		ByteBuffer payload = row.getByteBuffer("payload");
		byte[] value = new byte[(payload != null) ? payload.remaining() : 0];
		if (payload != null) {
			payload.duplicate().get(value);
		}
		ProducerRecord<String, byte[]> record = new ProducerRecord<>(row.getString("topic"),
				row.getString("message_key"), value);
		String type = row.getString("event_type");
		record.headers().add(EventType.HEADER, (type != null) ? type.getBytes(StandardCharsets.UTF_8) : new byte[0]);
		return record;
	}

	private boolean holdLease() {
		Instant now = Instant.now();
		Duration lease = this.properties.leaseTime();
		if (now.isBefore(this.leaseRenewedAt.plus(lease.dividedBy(3)))) {
			return true;
		}
		int ttl = (int) Math.max(1, lease.toSeconds());
		boolean held = this.session.execute(this.renewLease.bind(ttl, this.owner, LEASE, this.owner)).wasApplied()
				|| this.session.execute(this.acquireLease.bind(LEASE, this.owner, ttl)).wasApplied();
		this.leaseRenewedAt = held ? now : Instant.MIN;
		return held;
	}

	private long[] loadProgress() {
		long start = Outbox.bucket(System.currentTimeMillis()) - COLD_START_BUCKETS;
		long[] marks = new long[this.properties.shards()];
		for (int shard = 0; shard < marks.length; shard++) {
			Row row = this.session.execute(this.selectProgress.bind(shard)).one();
			marks[shard] = (row != null && !row.isNull("bucket")) ? row.getLong("bucket") : start;
		}
		return marks;
	}

	private void backOff(Throwable failure) {
		Duration min = this.properties.minBackoff();
		Duration next = (this.backoff != null) ? this.backoff.multipliedBy(2) : min;
		this.backoff = (next.compareTo(this.properties.maxBackoff()) > 0) ? this.properties.maxBackoff() : next;
		this.nextAttempt = Instant.now().plus(this.backoff);
		this.failures.increment();
		Throwable cause = (failure.getCause() != null) ? failure.getCause() : failure;
		log.warn("Could not publish the outbox (" + cause + "); retrying in " + this.backoff);
	}

}
