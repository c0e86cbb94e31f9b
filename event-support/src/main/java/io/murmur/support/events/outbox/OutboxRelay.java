package io.murmur.support.events.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.jspecify.annotations.Nullable;

import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.KafkaOperations;

import io.murmur.events.EventType;

/**
 * Publishes a service's outbox to Kafka: the same steps for every store.
 * <ul>
 * <li>Runs happen on one thread of the relay's own: every poll interval, and as soon as a
 * write on this replica stored events ({@link #wake()}), so an event reaches Kafka right
 * after its change is acknowledged. Wakes that arrive while a run waits to start fold
 * into it, and a woken run starts at least the wake gap after the previous one.</li>
 * <li>A run sends each batch in order with its type in the {@value EventType#HEADER}
 * header, waits for the acknowledgements, and reports how many from the start were
 * acknowledged; the {@link OutboxStore store} removes those and stops at the first that
 * was not. Delivery is at least once.</li>
 * <li>After a failed run the relay backs off, exponentially up to a limit, so an outage
 * of Kafka delays events but loses none. The producer's short {@code max.block.ms} and
 * {@code delivery.timeout.ms} keep a run from hanging while Kafka is away.</li>
 * <li>Metrics: {@code murmur.outbox.published} by {@code type},
 * {@code murmur.outbox.publish.failures}, {@code murmur.outbox.delay} (stored to
 * acknowledged) and {@code murmur.outbox.backlog}, where the store can count it.</li>
 * </ul>
 */
public final class OutboxRelay implements SmartLifecycle {

	private static final Log log = LogFactory.getLog(OutboxRelay.class);

	/**
	 * How long stopping waits for a run to end before interrupting it; what the run had
	 * not removed is published again by the next relay, as delivery is at least once.
	 */
	private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

	private final OutboxStore store;

	private final KafkaOperations<Object, Object> kafka;

	private final OutboxProperties properties;

	private final MeterRegistry meters;

	private final Counter failures;

	private final Timer delay;

	private final AtomicBoolean wakeQueued = new AtomicBoolean();

	private volatile long lastRunStarted;

	private volatile @Nullable ScheduledExecutorService runner;

	private @Nullable Duration backoff;

	private Instant nextAttempt = Instant.MIN;

	/**
	 * Creates a relay.
	 * @param store where the events are kept
	 * @param kafka the template to send with; its producer takes byte-array values
	 * @param properties the relay's settings
	 * @param meters where the relay reports
	 */
	public OutboxRelay(OutboxStore store, KafkaOperations<Object, Object> kafka, OutboxProperties properties,
			MeterRegistry meters) {
		this.store = store;
		this.kafka = kafka;
		this.properties = properties;
		this.meters = meters;
		this.lastRunStarted = System.nanoTime() - properties.wakeGap().toNanos();
		this.failures = Counter.builder("murmur.outbox.publish.failures")
			.description("Relay runs that stopped because Kafka did not acknowledge an event")
			.register(meters);
		this.delay = Timer.builder("murmur.outbox.delay")
			.description("Time from an event stored in the outbox to its acknowledgement by Kafka")
			.publishPercentileHistogram()
			.register(meters);
		Gauge.builder("murmur.outbox.backlog", store, OutboxRelay::backlog)
			.description("Events stored in the outbox and not yet acknowledged by Kafka (NaN where the store"
					+ " cannot count them cheaply)")
			.register(meters);
	}

	@Override
	public void start() {
		ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "outbox-relay");
			thread.setDaemon(true);
			return thread;
		});
		started.scheduleWithFixedDelay(this::runGuarded, 0, this.properties.pollInterval().toMillis(),
				TimeUnit.MILLISECONDS);
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
	 * Stops before the Kafka producer and the store's connections close, and starts after
	 * them.
	 * @return the phase
	 */
	@Override
	public int getPhase() {
		return SmartLifecycle.DEFAULT_PHASE - 1024;
	}

	/**
	 * Asks for a run now: called once a write has stored events. Does nothing while a run
	 * already waits to start or the store says a run would find nothing to do.
	 */
	public void wake() {
		ScheduledExecutorService current = this.runner;
		if (current == null || !this.store.worthWaking() || !this.wakeQueued.compareAndSet(false, true)) {
			return;
		}
		long wait = this.lastRunStarted + this.properties.wakeGap().toNanos() - System.nanoTime();
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

	/**
	 * One run, unless the relay is backing off after a failure.
	 */
	void relay() {
		if (Instant.now().isBefore(this.nextAttempt)) {
			return;
		}
		Run run = new Run();
		try {
			this.store.relay(run);
		}
		catch (RuntimeException ex) {
			run.fail(ex);
		}
		if (run.failure != null) {
			backOff(run.failure);
		}
		else {
			this.backoff = null;
		}
	}

	private void backOff(Throwable failure) {
		Duration min = this.properties.minBackoff();
		Duration next = (this.backoff != null) ? this.backoff.multipliedBy(2) : min;
		this.backoff = (next.compareTo(this.properties.maxBackoff()) > 0) ? this.properties.maxBackoff() : next;
		this.nextAttempt = Instant.now().plus(this.backoff);
		this.failures.increment();
		log.warn("Could not publish the outbox (" + failure + "); retrying in " + this.backoff);
	}

	private static double backlog(OutboxStore store) {
		try {
			OptionalLong backlog = store.backlog();
			return backlog.isPresent() ? backlog.getAsLong() : Double.NaN;
		}
		catch (RuntimeException ex) {
			return Double.NaN;
		}
	}

	/**
	 * The publisher of one run: after its first failure it publishes nothing more.
	 */
	private final class Run implements OutboxPublisher {

		private @Nullable Throwable failure;

		@Override
		public int publish(List<OutboxRecord> records) {
			if (this.failure != null) {
				return 0;
			}
			List<CompletableFuture<?>> sends = new ArrayList<>(records.size());
			for (OutboxRecord record : records) {
				try {
					sends.add(OutboxRelay.this.kafka.send(producerRecord(record)));
				}
				catch (RuntimeException ex) {
					fail(ex);
					break;
				}
			}
			long timeout = OutboxRelay.this.properties.ackTimeout().toMillis();
			for (int i = 0; i < sends.size(); i++) {
				try {
					sends.get(i).get(timeout, TimeUnit.MILLISECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					fail(ex);
					return i;
				}
				catch (ExecutionException ex) {
					fail((ex.getCause() != null) ? ex.getCause() : ex);
					return i;
				}
				catch (TimeoutException ex) {
					fail(new TimeoutException("Kafka did not acknowledge an event within " + timeout + " ms"));
					return i;
				}
				acknowledged(records.get(i));
			}
			return sends.size();
		}

		void fail(Throwable cause) {
			if (this.failure == null) {
				this.failure = cause;
			}
		}

		private void acknowledged(OutboxRecord record) {
			Counter.builder("murmur.outbox.published")
				.description("Events the relay published and Kafka acknowledged")
				.tag("type", record.type())
				.register(OutboxRelay.this.meters)
				.increment();
			if (record.storedAt() != null) {
				Duration waited = Duration.between(record.storedAt(), Instant.now());
				OutboxRelay.this.delay.record(waited.isNegative() ? Duration.ZERO : waited);
			}
		}

		private static ProducerRecord<Object, Object> producerRecord(OutboxRecord record) {
			ProducerRecord<Object, Object> producerRecord = new ProducerRecord<>(record.topic(), record.key(),
					record.payload());
			producerRecord.headers().add(EventType.HEADER, record.type().getBytes(StandardCharsets.UTF_8));
			return producerRecord;
		}

	}

}
