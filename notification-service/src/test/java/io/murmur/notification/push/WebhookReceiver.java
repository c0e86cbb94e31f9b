package io.murmur.notification.push;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;

import io.murmur.support.standin.StandInServer;

/**
 * A webhook receiver on a loopback port: records every delivery attempt with its headers
 * and body, and answers 204, or the status a test sets to play a receiver that is down.
 */
final class WebhookReceiver implements AutoCloseable {

	private final StandInServer server;

	private final List<Delivery> attempts = new CopyOnWriteArrayList<>();

	private volatile int status = 204;

	WebhookReceiver() {
		this.server = StandInServer.start(this::handle);
	}

	String url() {
		return this.server.url() + "/hooks/murmur";
	}

	void answer(int status) {
		this.status = status;
	}

	/** Every attempt, answered or failed. */
	List<Delivery> attempts() {
		return List.copyOf(this.attempts);
	}

	/** The attempts answered with a 2xx status: the deliveries that arrived. */
	List<Delivery> delivered() {
		return this.attempts.stream().filter((attempt) -> attempt.status() / 100 == 2).toList();
	}

	@Override
	public void close() {
		this.server.close();
	}

	private void handle(HttpExchange exchange) throws IOException {
		byte[] body = exchange.getRequestBody().readAllBytes();
		int answered = this.status;
		this.attempts.add(new Delivery(exchange.getRequestHeaders().getFirst("webhook-id"),
				exchange.getRequestHeaders().getFirst("webhook-timestamp"),
				exchange.getRequestHeaders().getFirst("webhook-signature"), body, answered));
		exchange.sendResponseHeaders(answered, -1);
		exchange.close();
	}

	/**
	 * One attempt.
	 *
	 * @param id the {@code webhook-id} header
	 * @param timestamp the {@code webhook-timestamp} header
	 * @param signature the {@code webhook-signature} header
	 * @param body the body as sent
	 * @param status what the receiver answered
	 */
	record Delivery(String id, String timestamp, String signature, byte[] body, int status) {

		String text() {
			return new String(this.body, StandardCharsets.UTF_8);
		}

	}

}
