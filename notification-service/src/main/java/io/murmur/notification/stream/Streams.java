package io.murmur.notification.stream;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import io.murmur.notification.config.NotificationProperties;
import io.murmur.notification.inbox.InboxReader;
import io.murmur.notification.inbox.InboxState;
import io.murmur.notification.inbox.NotificationRow;
import io.murmur.notification.read.Hydrator;
import io.murmur.notification.read.NotificationItem;
import io.murmur.support.problem.CommonProblem;
import io.murmur.support.web.ProblemException;

/**
 * The open streams of this replica and what is written to them.
 * <ul>
 * <li>A stream remembers the id of the last notification it sent. Whenever its user's
 * notifications change (on any replica: {@link InboxListener} hears it), it sends every
 * notification after that id, oldest first, then the unread count if it changed. Ids grow
 * in commit order per user, so nothing is skipped, and a client that reconnects with
 * {@code Last-Event-ID} gets exactly what it missed.</li>
 * <li>Writes happen on a few threads of the streams' own; a burst of changes for one user
 * folds into one read while a write for them is pending, so a viral post costs a read per
 * batch, not per like.</li>
 * <li>A comment every heartbeat interval keeps idle streams alive through proxies and
 * finds clients that are gone.</li>
 * <li>A stream ends when its access token expires, and every stream ends cleanly when the
 * service stops: this stops before the web server's graceful shutdown, which would
 * otherwise wait for streams that never end, and new streams are refused with 503 from
 * then on, so clients reconnect to another replica.</li>
 * </ul>
 */
@Component
public class Streams implements SmartLifecycle {

	private static final Log log = LogFactory.getLog(Streams.class);

	/** How many notifications one read sends at most; a longer backlog takes several. */
	static final int BATCH = 200;

	private final Map<Long, Set<Stream>> byUser = new ConcurrentHashMap<>();

	private final AtomicInteger open = new AtomicInteger();

	private final InboxReader inbox;

	private final Hydrator hydrator;

	private final Clock clock;

	private final Timer lag;

	private final ExecutorService writers;

	private volatile boolean running;

	Streams(InboxReader inbox, Hydrator hydrator, Clock clock, NotificationProperties properties,
			MeterRegistry meters) {
		this.inbox = inbox;
		this.hydrator = hydrator;
		this.clock = clock;
		this.writers = Executors.newFixedThreadPool(properties.stream().threads(), (task) -> {
			Thread thread = new Thread(task, "notification-stream");
			thread.setDaemon(true);
			return thread;
		});
		this.lag = Timer.builder("murmur.notification.stream.lag")
			.description("Time from the action at the service that published it to its notification written to"
					+ " a live stream")
			.publishPercentileHistogram()
			.register(meters);
		Gauge.builder("murmur.notification.stream.connections", this.open, AtomicInteger::get)
			.description("Streams open on this replica")
			.register(meters);
	}

	/**
	 * Opens a stream for a user.
	 * @param userId the user
	 * @param lastEventId the id of the last notification the client received before it
	 * reconnected, or {@code null} to receive only what arrives from now on
	 * @param expiresAt when the client's access token expires, which ends the stream
	 * @return the emitter to answer the request with
	 * @throws ProblemException {@code service-unavailable} while the service stops
	 */
	SseEmitter open(long userId, @Nullable Long lastEventId, Instant expiresAt) {
		if (!this.running) {
			throw ProblemException.retryLater(CommonProblem.SERVICE_UNAVAILABLE,
					"This replica is shutting down; reconnect", Duration.ofSeconds(1));
		}
		Instant now = this.clock.instant();
		long start = (lastEventId != null) ? lastEventId : this.inbox.latestId(userId);
		SseEmitter emitter = new SseEmitter(Math.max(1, Duration.between(now, expiresAt).toMillis()));
		Stream stream = new Stream(userId, emitter, start, now);
		emitter.onCompletion(() -> remove(stream));
		emitter.onTimeout(() -> close(stream));
		emitter.onError((ex) -> close(stream));
		this.byUser.computeIfAbsent(userId, (key) -> ConcurrentHashMap.newKeySet()).add(stream);
		this.open.incrementAndGet();
		schedule(stream);
		return emitter;
	}

	/**
	 * Sends a user's streams what changed; called for every change announced on any
	 * replica.
	 * @param userId the user
	 */
	void wake(long userId) {
		Set<Stream> streams = this.byUser.get(userId);
		if (streams != null) {
			streams.forEach(this::schedule);
		}
	}

	/**
	 * Has every stream look for what it missed: after the listener reconnected, as
	 * announcements made meanwhile were lost.
	 */
	void wakeAll() {
		this.byUser.values().forEach((streams) -> streams.forEach(this::schedule));
	}

	@Scheduled(fixedDelayString = "${murmur.notification.stream.heartbeat:15s}",
			initialDelayString = "${murmur.notification.stream.heartbeat:15s}")
	void heartbeat() {
		this.byUser.values()
			.forEach((streams) -> streams.forEach((stream) -> submit(stream,
					() -> stream.write(() -> stream.emitter().send(SseEmitter.event().comment("heartbeat"))))));
	}

	/**
	 * How many streams are open on this replica.
	 * @return the count
	 */
	public int openStreams() {
		return this.open.get();
	}

	private void schedule(Stream stream) {
		if (stream.markPending()) {
			submit(stream, () -> flush(stream));
		}
	}

	private void submit(Stream stream, Stream.Write task) {
		try {
			this.writers.execute(() -> {
				try {
					task.run();
				}
				catch (IOException | IllegalStateException ex) {
					close(stream);
				}
				catch (RuntimeException ex) {
					log.warn("Could not write to the stream of user " + stream.userId() + "; it will be tried again"
							+ " at the next change: " + ex);
					stream.clearPending();
				}
			});
		}
		catch (RejectedExecutionException ex) {
			close(stream);
		}
	}

	private void flush(Stream stream) throws IOException {
		stream.write(() -> {
			stream.clearPending();
			while (true) {
				List<NotificationRow> rows = this.inbox.after(stream.userId(), stream.lastSentId(), BATCH);
				if (rows.isEmpty()) {
					break;
				}
				InboxState state = this.inbox.state(stream.userId());
				List<NotificationItem> items = this.hydrator.notifications(rows, state.readUpTo(), true);
				for (int i = 0; i < rows.size(); i++) {
					NotificationRow row = rows.get(i);
					stream.emitter()
						.send(SseEmitter.event()
							.id(items.get(i).id())
							.name("notification")
							.data(items.get(i), MediaType.APPLICATION_JSON));
					stream.sent(row.id());
					if (!row.createdAt().isBefore(stream.openedAt())) {
						Duration waited = Duration.between(row.occurredAt(), this.clock.instant());
						this.lag.record(waited.isNegative() ? Duration.ZERO : waited);
					}
				}
				if (rows.size() < BATCH) {
					break;
				}
			}
			long unread = this.inbox.state(stream.userId()).unread();
			if (stream.unreadChanged(unread)) {
				stream.emitter()
					.send(SseEmitter.event().name("unread").data(new Unread(unread), MediaType.APPLICATION_JSON));
			}
		});
	}

	private void close(Stream stream) {
		stream.close();
		remove(stream);
	}

	private void remove(Stream stream) {
		Set<Stream> streams = this.byUser.get(stream.userId());
		if (streams != null && streams.remove(stream)) {
			this.open.decrementAndGet();
			if (streams.isEmpty()) {
				this.byUser.remove(stream.userId(), streams);
			}
		}
	}

	@Override
	public void start() {
		this.running = true;
	}

	@Override
	public void stop() {
		this.running = false;
		this.byUser.values().forEach((streams) -> List.copyOf(streams).forEach(this::close));
		this.writers.shutdown();
		try {
			this.writers.awaitTermination(5, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/**
	 * Stops first, before the web server's graceful shutdown waits for open requests.
	 * @return the phase
	 */
	@Override
	public int getPhase() {
		return SmartLifecycle.DEFAULT_PHASE;
	}

	/**
	 * The unread count a stream sends.
	 *
	 * @param count how many notifications are unread
	 */
	record Unread(long count) {

	}

}
