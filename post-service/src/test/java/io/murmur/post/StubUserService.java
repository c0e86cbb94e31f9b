package io.murmur.post;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;

import io.murmur.support.standin.StandInServer;
import io.murmur.support.test.TestTokens;

/**
 * A stand-in for user-service: its {@link TestTokens} sign the tests' tokens and publish
 * the JWKS, and it answers handle lookups and profile batches for the users a test
 * registers. Records the Authorization header of each lookup and batch.
 */
final class StubUserService {

	static final StubUserService INSTANCE = new StubUserService();

	static final String LOOKUP_PATH = "/api/v1/users/by-handle/";

	static final String BATCH_PATH = "/internal/users/batch";

	private static final Pattern ID = Pattern.compile("\"(\\d+)\"");

	final TestTokens tokens = TestTokens.start();

	private final StandInServer server;

	private final Map<String, Long> users = new ConcurrentHashMap<>();

	private final List<String> lookupAuthorizations = new CopyOnWriteArrayList<>();

	private final List<String> batchAuthorizations = new CopyOnWriteArrayList<>();

	private volatile boolean batchesFail;

	private StubUserService() {
		this.server = StandInServer.startForTheRun(this::handle);
	}

	String url() {
		return this.server.url();
	}

	void register(String handle, long id) {
		this.users.put(handle.toLowerCase(Locale.ROOT), id);
	}

	List<String> lookupAuthorizations() {
		return List.copyOf(this.lookupAuthorizations);
	}

	List<String> batchAuthorizations() {
		return List.copyOf(this.batchAuthorizations);
	}

	/**
	 * Makes profile batches answer 503, as a user-service that is down would.
	 * @param fail whether they fail
	 */
	void failBatches(boolean fail) {
		this.batchesFail = fail;
	}

	private void handle(HttpExchange exchange) throws IOException {
		String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
		String path = exchange.getRequestURI().getRawPath();
		if (path.equals(BATCH_PATH) && exchange.getRequestMethod().equals("POST")) {
			this.batchAuthorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
			if (this.batchesFail) {
				StandInServer.send(exchange, 503, "{}");
				return;
			}
			Map<Long, String> handles = new HashMap<>();
			this.users.forEach((handle, id) -> handles.put(id, handle));
			List<String> items = new ArrayList<>();
			Matcher ids = ID.matcher(body);
			while (ids.find()) {
				String handle = handles.get(Long.valueOf(ids.group(1)));
				if (handle != null) {
					items.add("{\"id\":\"" + ids.group(1) + "\",\"handle\":\"" + handle + "\",\"displayName\":\""
							+ handle.toUpperCase(Locale.ROOT) + "\",\"avatarUrl\":null}");
				}
			}
			StandInServer.send(exchange, 200, "{\"items\":[" + String.join(",", items) + "]}");
			return;
		}
		if (path.startsWith(LOOKUP_PATH)) {
			this.lookupAuthorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
			String handle = path.substring(LOOKUP_PATH.length()).toLowerCase(Locale.ROOT);
			Long id = this.users.get(handle);
			if (handle.startsWith("broken")) {
				StandInServer.send(exchange, 500, "{}");
			}
			else if (id == null) {
				StandInServer.send(exchange, 404,
						"{\"type\":\"https://murmur.example/problems/user-not-found\",\"status\":404}");
			}
			else {
				StandInServer.send(exchange, 200,
						"{\"id\":\"" + id + "\",\"handle\":\"" + handle + "\",\"displayName\":\"" + handle
								+ "\",\"bio\":\"\",\"followersCount\":0,\"followingCount\":0}");
			}
			return;
		}
		StandInServer.send(exchange, 404, "{}");
	}

}
