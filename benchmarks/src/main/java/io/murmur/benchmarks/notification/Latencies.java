package io.murmur.benchmarks.notification;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Response times of one GET at a fixed arrival rate (an open model: a request starts on
 * schedule whether or not the previous one answered, and its time counts from when it was
 * due, so a stall shows in the figures instead of slowing the load down).
 */
final class Latencies {

	private static final HttpClient http = HttpClient.newBuilder()
		.connectTimeout(Duration.ofSeconds(5))
		.version(HttpClient.Version.HTTP_1_1)
		.build();

	private Latencies() {
	}

	/**
	 * Measures.
	 * @param uri what to get
	 * @param token the bearer token
	 * @param rate requests per second
	 * @param warmUp how long to send before measuring
	 * @param duration how long to measure
	 * @return the measured response times
	 */
	static Measured of(URI uri, String token, double rate, Duration warmUp, Duration duration) {
		List<Double> millis = Collections.synchronizedList(new ArrayList<>());
		AtomicInteger failed = new AtomicInteger();
		long interval = (long) (1e9 / rate);
		long start = System.nanoTime();
		long measureFrom = start + warmUp.toNanos();
		long end = measureFrom + duration.toNanos();
		try (ExecutorService requests = Executors.newVirtualThreadPerTaskExecutor()) {
			for (long due = start; due < end; due += interval) {
				long wait = due - System.nanoTime();
				if (wait > 0) {
					LockSupport.parkNanos(wait);
				}
				long scheduled = due;
				requests.execute(() -> {
					boolean ok = get(uri, token);
					if (scheduled >= measureFrom) {
						if (ok) {
							millis.add((System.nanoTime() - scheduled) / 1e6);
						}
						else {
							failed.incrementAndGet();
						}
					}
				});
			}
			requests.shutdown();
			requests.awaitTermination(1, TimeUnit.MINUTES);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return Measured.of(List.copyOf(millis), failed.get());
	}

	private static boolean get(URI uri, String token) {
		try {
			HttpResponse<Void> response = http.send(HttpRequest.newBuilder(uri)
				.header("Authorization", "Bearer " + token)
				.timeout(Duration.ofSeconds(30))
				.GET()
				.build(), HttpResponse.BodyHandlers.discarding());
			return response.statusCode() == 200;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

}
