package io.murmur.acceptance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A webhook receiver on a loopback port that records the deliveries it accepts, and can
 * be stopped (nothing listens on its port) and started again on the same port.
 */
final class WebhookReceiver implements AutoCloseable {

	private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();

	private final int port;

	private HttpServer server;

	WebhookReceiver() {
		this.server = listen(0);
		this.port = this.server.getAddress().getPort();
	}

	String url() {
		return "http://127.0.0.1:" + this.port + "/murmur";
	}

	List<Delivery> deliveries() {
		return List.copyOf(this.deliveries);
	}

	synchronized void stop() {
		this.server.stop(0);
	}

	synchronized void start() {
		this.server = listen(this.port);
	}

	@Override
	public synchronized void close() {
		this.server.stop(0);
	}

	private HttpServer listen(int port) {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
			server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
			server.createContext("/", this::handle);
			server.start();
			return server;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void handle(HttpExchange exchange) throws IOException {
		byte[] body = exchange.getRequestBody().readAllBytes();
		this.deliveries.add(new Delivery(exchange.getRequestHeaders().getFirst("webhook-id"),
				exchange.getRequestHeaders().getFirst("webhook-timestamp"),
				exchange.getRequestHeaders().getFirst("webhook-signature"), new String(body, StandardCharsets.UTF_8)));
		exchange.sendResponseHeaders(204, -1);
		exchange.close();
	}

	/**
	 * A delivery as received.
	 *
	 * @param id the {@code webhook-id} header
	 * @param timestamp the {@code webhook-timestamp} header
	 * @param signature the {@code webhook-signature} header
	 * @param body the body
	 */
	record Delivery(String id, String timestamp, String signature, String body) {

	}

}
