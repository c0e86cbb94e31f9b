package io.murmur.feed.it;

import java.io.IOException;

import com.sun.net.httpserver.HttpExchange;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.murmur.support.standin.StandInServer;

/**
 * A stand-in service on a free loopback port: answers JSON, and refuses a request without
 * a bearer token, as the real services do.
 */
abstract class StubServer {

	static final JsonMapper json = JsonMapper.builder().build();

	private final StandInServer server;

	StubServer() {
		this.server = StandInServer.startForTheRun(this::exchange);
	}

	String url() {
		return this.server.url();
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
			StandInServer.send(exchange, 401, "{}");
			return;
		}
		JsonNode body = (request.length > 0) ? json.readTree(request) : json.nullNode();
		String query = (exchange.getRequestURI().getRawQuery() != null) ? exchange.getRequestURI().getRawQuery() : "";
		Object answer = answer(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(), query, body);
		if (answer == null) {
			StandInServer.send(exchange, 404, "{}");
			return;
		}
		StandInServer.send(exchange, 200, json.writeValueAsString(answer));
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

}
