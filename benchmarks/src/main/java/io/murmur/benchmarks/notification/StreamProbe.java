package io.murmur.benchmarks.notification;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.murmur.reliability.http.EventStream;

/**
 * A user's notification stream through the gateway, read as a browser's
 * {@code EventSource} would: the time each {@code notification} event arrived.
 */
final class StreamProbe implements AutoCloseable {

	private final BlockingQueue<Long> arrivals = new LinkedBlockingQueue<>();

	private final EventStream stream;

	StreamProbe(URI gateway, String token) {
		this.stream = EventStream.open(gateway.resolve("/api/v1/notifications/stream").toString(), token, null,
				(event) -> {
					if (event.name().equals("notification")) {
						this.arrivals.add(System.nanoTime());
					}
				});
		if (this.stream.status() != 200) {
			this.stream.close();
			throw new IllegalStateException("The stream answered " + this.stream.status());
		}
	}

	/**
	 * Waits for the next notification event.
	 * @param timeout how long at most
	 * @return when it arrived ({@link System#nanoTime()}), or -1 if none came
	 */
	long next(Duration timeout) {
		try {
			Long arrived = this.arrivals.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
			return (arrived != null) ? arrived : -1;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return -1;
		}
	}

	/** Forgets the events that arrived so far. */
	void drain() {
		this.arrivals.clear();
	}

	@Override
	public void close() {
		this.stream.close();
	}

}
