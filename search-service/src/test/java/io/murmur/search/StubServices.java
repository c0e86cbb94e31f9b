package io.murmur.search;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

import com.sun.net.httpserver.HttpExchange;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.murmur.support.standin.StandInServer;
import io.murmur.support.test.TestTokens;

/**
 * Stand-ins for post-, user- and graph-service, holding what the tests publish: the
 * internal batch reads search hydrates with, the exports a rebuild reads, and follower
 * counts. Deleted posts are gone from them, as from post-service. Their
 * {@link TestTokens} sign the tests' tokens and the service's own.
 */
final class StubServices {

	static final StubServices INSTANCE = new StubServices();

	final TestTokens tokens = TestTokens.start();

	private static final JsonMapper JSON = JsonMapper.shared();

	private final StandInServer server;

	private final Map<Long, Map<String, Object>> posts = new ConcurrentSkipListMap<>();

	private final Map<Long, Map<String, Object>> users = new ConcurrentSkipListMap<>();

	private final Map<Long, Long> followers = new ConcurrentSkipListMap<>();

	private StubServices() {
		this.server = StandInServer.startForTheRun(this::handle);
	}

	String url() {
		return this.server.url();
	}

	void user(long id, String handle, String displayName) {
		Map<String, Object> user = new LinkedHashMap<>();
		user.put("id", Long.toString(id));
		user.put("handle", handle);
		user.put("displayName", displayName);
		user.put("bio", "");
		user.put("createdAt", Instant.now().toString());
		this.users.put(id, user);
	}

	void followers(long id, long count) {
		this.followers.put(id, count);
	}

	void post(long id, long authorId, Instant createdAt, String text, List<String> hashtags,
			Map<String, String> mentions, List<String> media, Long replyTo) {
		Map<String, Object> post = new LinkedHashMap<>();
		post.put("id", Long.toString(id));
		post.put("authorId", Long.toString(authorId));
		post.put("createdAt", createdAt.toString());
		post.put("text", text);
		post.put("hashtags", hashtags);
		post.put("mentions", mentions);
		post.put("mediaIds", media);
		post.put("replyTo", (replyTo != null) ? replyTo.toString() : null);
		post.put("quoteOf", null);
		this.posts.put(id, post);
	}

	void deletePost(long id) {
		this.posts.remove(id);
	}

	private void handle(HttpExchange exchange) throws IOException {
		byte[] body = exchange.getRequestBody().readAllBytes();
		String path = exchange.getRequestURI().getPath();
		String query = String.valueOf(exchange.getRequestURI().getQuery());
		Object answer = switch (path) {
			case "/internal/posts/batch" -> Map.of("items",
					ids(body).stream()
						.map(this.posts::get)
						.filter((post) -> post != null)
						.map(StubServices::postView)
						.toList());
			case "/internal/users/batch" ->
				Map.of("items", ids(body).stream().map(this.users::get).filter((user) -> user != null).toList());
			case "/internal/users/counts" -> Map.of("items",
					ids(body).stream()
						.map((id) -> Map.of("id", id.toString(), "followersCount", this.followers.getOrDefault(id, 0L),
								"followingCount", 0))
						.toList());
			case "/internal/posts/export" -> export(this.posts, query);
			case "/internal/users/export" -> export(this.users, query);
			default -> null;
		};
		if (answer == null) {
			StandInServer.send(exchange, 404, "{}");
		}
		else {
			StandInServer.send(exchange, 200, JSON.writeValueAsString(answer));
		}
	}

	private static Map<String, Object> postView(Map<String, Object> post) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("id", post.get("id"));
		view.put("author", Map.of("id", post.get("authorId")));
		view.put("text", post.get("text"));
		view.put("createdAt", post.get("createdAt"));
		view.put("media", post.get("mediaIds"));
		view.put("replyTo", post.get("replyTo"));
		view.put("quoteOf", null);
		view.put("counts", Map.of("likes", 0, "reposts", 0, "replies", 0));
		view.put("viewer", Map.of("liked", false, "reposted", false));
		view.put("mentions", List.of());
		view.put("hashtags", post.get("hashtags"));
		return view;
	}

	private static Map<String, Object> export(Map<Long, Map<String, Object>> rows, String query) {
		long after = 0;
		int limit = 500;
		for (String parameter : query.split("&")) {
			if (parameter.startsWith("cursor=")) {
				after = Long.parseLong(parameter.substring("cursor=".length()));
			}
			else if (parameter.startsWith("limit=")) {
				limit = Integer.parseInt(parameter.substring("limit=".length()));
			}
		}
		List<Map<String, Object>> page = new ArrayList<>();
		long last = after;
		for (Map.Entry<Long, Map<String, Object>> row : ((ConcurrentSkipListMap<Long, Map<String, Object>>) rows)
			.tailMap(after, false)
			.entrySet()) {
			if (page.size() == limit) {
				break;
			}
			page.add(row.getValue());
			last = row.getKey();
		}
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("items", page);
		answer.put("nextCursor", (page.size() == limit) ? Long.toString(last) : null);
		return answer;
	}

	private static List<Long> ids(byte[] body) {
		JsonNode ids = JSON.readTree(body).path("ids");
		List<Long> parsed = new ArrayList<>();
		ids.forEach((id) -> parsed.add(Long.valueOf(id.asString())));
		return parsed;
	}

}
