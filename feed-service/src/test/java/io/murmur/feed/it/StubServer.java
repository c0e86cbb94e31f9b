package io.murmur.feed.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A stand-in service on a free loopback port: answers JSON, and refuses a request without
 * a bearer token, as the real services do.
 */
abstract class StubServer {

	static final JsonMapper json = JsonMapper.builder().build();

	private final HttpServer server;

	StubServer() {
		try {
			this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
		this.server.createContext("/", this::exchange);
		this.server.start();
		Runtime.getRuntime().addShutdownHook(new Thread(() -> this.server.stop(0)));
	}

	String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	/**
	 * Answers one request.
	 * @param method the HTTP method
	 * @param path the path
	 * @param query the query parameters' raw text, or {@code ""}
	 * @param body the request body, or {@code null} when empty
	 * @return the answer's body, or {@code null} for 404
	 */
	abstract Object answer(String method, String path, String query, JsonNode body);

	private void exchange(HttpExchange exchange) throws IOException {
		byte[] request = exchange.getRequestBody().readAllBytes();
		String authorization = exchange.getRequestHeaders().getFirst("Authorization");
		if (authorization == null || !authorization.startsWith("Bearer ")) {
			send(exchange, 401, "{}");
			return;
		}
		JsonNode body = (request.length > 0) ? json.readTree(request) : json.nullNode();
		String query = (exchange.getRequestURI().getRawQuery() != null) ? exchange.getRequestURI().getRawQuery() : "";
		Object answer = answer(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(), query, body);
		if (answer == null) {
			send(exchange, 404, "{}");
			return;
		}
		send(exchange, 200, json.writeValueAsString(answer));
	}

	static String parameter(String query, String name) {
		for (String pair : query.split("&")) {
			int equals = pair.indexOf('=');
			if (equals > 0 && pair.substring(0, equals).equals(name)) {
				return pair.substring(equals + 1);
			}
		}
		return "";
	}

	private static void send(HttpExchange exchange, int status, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		exchange.getResponseBody().write(bytes);
		exchange.close();
	}

}
