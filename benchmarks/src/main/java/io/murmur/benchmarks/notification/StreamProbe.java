package io.murmur.benchmarks.notification;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A user's notification stream through the gateway, read as a browser's
 * {@code EventSource} would: the time each {@code notification} event arrived.
 */
final class StreamProbe implements AutoCloseable {

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final BlockingQueue<Long> arrivals = new LinkedBlockingQueue<>();

	private final InputStream body;

	StreamProbe(URI gateway, String token) {
		try {
			HttpResponse<InputStream> response = http
				.send(HttpRequest.newBuilder(gateway.resolve("/api/v1/notifications/stream"))
					.header("Accept", "text/event-stream")
					.header("Authorization", "Bearer " + token)
					.build(), HttpResponse.BodyHandlers.ofInputStream());
			if (response.statusCode() != 200) {
				throw new IllegalStateException("The stream answered " + response.statusCode());
			}
			this.body = response.body();
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not open the stream", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		Thread.ofVirtual().name("stream-probe").start(this::read);
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
		try {
			this.body.close();
		}
		catch (IOException ex) {
			// the stream is gone already
		}
	}

	private void read() {
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(this.body, StandardCharsets.UTF_8))) {
			String line;
			while ((line = reader.readLine()) != null) {
				if (line.equals("event:notification") || line.equals("event: notification")) {
					this.arrivals.add(System.nanoTime());
				}
			}
		}
		catch (IOException ex) {
			// closed
		}
	}

}
