package io.murmur.graph;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;

import io.murmur.support.standin.StandInServer;

/**
 * A stand-in for user-service's internal batch lookup: answers with the users a test
 * registered, recording each lookup.
 */
public final class StubUserService {

	private static final Pattern ID = Pattern.compile("\"([0-9]+)\"");

	private final StandInServer server;

	private final Set<String> users = ConcurrentHashMap.newKeySet();

	private final List<Lookup> lookups = new CopyOnWriteArrayList<>();

	StubUserService() {
		this.server = StandInServer.start(this::handle);
	}

	String url() {
		return this.server.url();
	}

	public void register(long userId) {
		this.users.add(Long.toString(userId));
	}

	public List<Lookup> lookups() {
		return List.copyOf(this.lookups);
	}

	private void handle(HttpExchange exchange) throws IOException {
		String path = exchange.getRequestURI().getRawPath();
		String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
		if (path.equals("/internal/users/batch") && exchange.getRequestMethod().equals("POST")) {
			this.lookups.add(new Lookup(body, exchange.getRequestHeaders().getFirst("Authorization")));
			Matcher ids = ID.matcher(body);
			StringBuilder items = new StringBuilder();
			while (ids.find()) {
				if (this.users.contains(ids.group(1))) {
					items.append(items.isEmpty() ? "" : ",")
						.append("{\"id\":\"")
						.append(ids.group(1))
						.append("\",\"handle\":\"u")
						.append(ids.group(1))
						.append("\"}");
				}
			}
			StandInServer.send(exchange, 200, "{\"items\":[" + items + "]}");
			return;
		}
		StandInServer.send(exchange, 404, "{}");
	}

	void close() {
		this.server.close();
	}

	/**
	 * One batch lookup that reached the stub.
	 *
	 * @param body the request body
	 * @param authorization the {@code Authorization} header
	 */
	public record Lookup(String body, String authorization) {

	}

}
