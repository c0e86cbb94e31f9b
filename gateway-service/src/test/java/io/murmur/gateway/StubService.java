package io.murmur.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for a service behind the gateway: records what reaches it and answers with
 * what a test sets up. Also publishes a JWKS, as user-service does.
 */
final class StubService implements AutoCloseable {

	private final HttpServer server;

	private final List<Received> received = new CopyOnWriteArrayList<>();

	private final Map<String, Reply> replies = new ConcurrentHashMap<>();

	private volatile Supplier<String> jwks = () -> "{\"keys\":[]}";

	private volatile int jwksFetches;

	private volatile Duration jwksDelay = Duration.ZERO;

	StubService() {
		try {
			this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
		this.server.createContext("/", this::handle);
		this.server.start();
	}

	String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	void jwks(Supplier<String> jwks) {
		this.jwks = jwks;
	}

	void jwksDelay(Duration delay) {
		this.jwksDelay = delay;
	}

	int jwksFetches() {
		return this.jwksFetches;
	}

	void reply(String path, int status, String body, Duration delay) {
		this.replies.put(path, new Reply(status, body, delay));
	}

	List<Received> received() {
		return List.copyOf(this.received);
	}

	List<Received> received(String path) {
		return this.received.stream().filter((request) -> request.path().equals(path)).toList();
	}

	void reset() {
		this.received.clear();
		this.replies.clear();
	}

	private void handle(HttpExchange exchange) throws IOException {
		String path = exchange.getRequestURI().getRawPath();
		byte[] requestBody = exchange.getRequestBody().readAllBytes();
		if (path.equals("/.well-known/jwks.json")) {
			this.jwksFetches++;
			pause(this.jwksDelay);
			send(exchange, 200, this.jwks.get());
			return;
		}
		this.received.add(new Received(exchange.getRequestMethod(), path, exchange.getRequestHeaders(),
				new String(requestBody, StandardCharsets.UTF_8)));
		Reply reply = this.replies.getOrDefault(path, new Reply(200, "{\"ok\":true}", Duration.ZERO));
		pause(reply.delay());
		send(exchange, reply.status(), reply.body());
	}

	private static void pause(Duration delay) {
		if (delay.isZero()) {
			return;
		}
		try {
			Thread.sleep(delay);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static void send(HttpExchange exchange, int status, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		exchange.getResponseBody().write(bytes);
		exchange.close();
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	record Received(String method, String path, Headers headers, String body) {
	}

	private record Reply(int status, String body, Duration delay) {
	}

}
