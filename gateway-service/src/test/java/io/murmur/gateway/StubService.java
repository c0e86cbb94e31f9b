package io.murmur.gateway;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;

import io.murmur.support.standin.StandInServer;

/**
 * A stand-in for a service behind the gateway: records what reaches it and answers with
 * what a test sets up. Also publishes a JWKS, as user-service does.
 */
final class StubService implements AutoCloseable {

	private final StandInServer server;

	private final List<Received> received = new CopyOnWriteArrayList<>();

	private final Map<String, Reply> replies = new ConcurrentHashMap<>();

	private volatile Supplier<String> jwks = () -> "{\"keys\":[]}";

	private volatile int jwksFetches;

	private volatile Duration jwksDelay = Duration.ZERO;

	StubService() {
		this.server = StandInServer.start(this::handle);
	}

	String url() {
		return this.server.url();
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
			StandInServer.send(exchange, 200, this.jwks.get(), "application/json");
			return;
		}
		this.received.add(new Received(exchange.getRequestMethod(), path, exchange.getRequestHeaders(),
				new String(requestBody, StandardCharsets.UTF_8), exchange.getRemoteAddress().getPort()));
		Reply reply = this.replies.getOrDefault(path, new Reply(200, "{\"ok\":true}", Duration.ZERO));
		pause(reply.delay());
		StandInServer.send(exchange, reply.status(), reply.body(), "application/json");
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

	@Override
	public void close() {
		this.server.close();
	}

	/**
	 * A request as it reached the stand-in; {@code clientPort} tells the gateway's
	 * connections apart.
	 */
	record Received(String method, String path, Headers headers, String body, int clientPort) {
	}

	private record Reply(int status, String body, Duration delay) {
	}

}
