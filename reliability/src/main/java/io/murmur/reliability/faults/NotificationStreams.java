package io.murmur.reliability.faults;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

import io.murmur.reliability.faults.PublicApi.Account;

/**
 * People who keep their live notification stream open the whole run, as an open app does:
 * when the stream ends or breaks they open it again, resuming with {@code Last-Event-ID}
 * after the last event they received. What each received is kept, so that the
 * {@link Checker} can tell whether every notification arrived on the stream exactly once,
 * through every fault.
 */
public final class NotificationStreams implements AutoCloseable {

	private static final Duration CONNECTED = Duration.ofSeconds(30);

	private final PublicApi api;

	private final Map<String, Listener> listeners = new ConcurrentHashMap<>();

	private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();

	private volatile boolean open = true;

	/**
	 * Streams through one client.
	 * @param api the client, whose log gets every attempt to open a stream
	 */
	public NotificationStreams(PublicApi api) {
		this.api = api;
	}

	/**
	 * Opens someone's stream and keeps it open until {@link #close()}.
	 * @param account whose stream
	 * @throws IllegalStateException if it does not open within 30 s
	 */
	public void open(Account account) {
		Listener listener = new Listener(account);
		this.listeners.put(account.id(), listener);
		this.threads.execute(listener);
		try {
			if (!listener.connected.await(CONNECTED.toMillis(), TimeUnit.MILLISECONDS)) {
				throw new IllegalStateException(account + "'s notification stream did not open in " + CONNECTED);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted", ex);
		}
	}

	/**
	 * The notifications someone's stream delivered.
	 * @param accountId whose
	 * @return how many times each notification id arrived, or {@code null} for someone
	 * without a stream
	 */
	public @Nullable Map<String, Integer> received(String accountId) {
		Listener listener = this.listeners.get(accountId);
		return (listener != null) ? Map.copyOf(listener.received) : null;
	}

	/**
	 * How many times streams were opened again after they ended or broke.
	 * @return the count over every stream
	 */
	public int reopened() {
		return this.listeners.values().stream().mapToInt((listener) -> listener.connections.get() - 1).sum();
	}

	/**
	 * How many streams are kept open.
	 * @return the count
	 */
	public int size() {
		return this.listeners.size();
	}

	@Override
	public void close() {
		this.open = false;
		this.listeners.values().forEach(Listener::hangUp);
		this.threads.shutdownNow();
	}

	private final class Listener implements Runnable {

		private final Account account;

		private final Map<String, Integer> received = new ConcurrentHashMap<>();

		private final CountDownLatch connected = new CountDownLatch(1);

		private final AtomicInteger connections = new AtomicInteger();

		private volatile @Nullable String lastEventId;

		private volatile @Nullable Stream<String> current;

		Listener(Account account) {
			this.account = account;
		}

		@Override
		public void run() {
			while (NotificationStreams.this.open) {
				Stream<String> lines = NotificationStreams.this.api.notificationStream(this.account, this.lastEventId);
				if (lines != null) {
					this.current = lines;
					this.connections.incrementAndGet();
					this.connected.countDown();
					try (lines) {
						read(lines.iterator());
					}
					catch (UncheckedIOException ex) {
						// The stream broke: open it again below.
					}
				}
				if (NotificationStreams.this.open && !pause()) {
					return;
				}
			}
		}

		/**
		 * Reads server-sent events until the stream ends: an {@code id} line names the
		 * event, a blank line delivers it.
		 */
		private void read(Iterator<String> lines) {
			String id = null;
			String event = null;
			while (lines.hasNext()) {
				String line = lines.next();
				if (line.isEmpty()) {
					if (id != null && "notification".equals(event)) {
						this.received.merge(id, 1, Integer::sum);
					}
					if (id != null) {
						this.lastEventId = id;
					}
					id = null;
					event = null;
				}
				else if (line.startsWith("id:")) {
					id = value(line);
				}
				else if (line.startsWith("event:")) {
					event = value(line);
				}
			}
		}

		void hangUp() {
			Stream<String> lines = this.current;
			if (lines != null) {
				lines.close();
			}
		}

		private static String value(String line) {
			String value = line.substring(line.indexOf(':') + 1);
			return value.startsWith(" ") ? value.substring(1) : value;
		}

		private static boolean pause() {
			try {
				Thread.sleep(Duration.ofMillis(500));
				return true;
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return false;
			}
		}

	}

}
