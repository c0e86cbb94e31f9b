package io.murmur.notification;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.murmur.support.standin.StandInServer;

/**
 * Stand-ins for the services notification-service asks, on one free loopback port:
 * user-service's batch of profiles (every user {@code n} is {@code user<n>}, "User n"),
 * post-service's batch of posts (those a test adds) and graph-service's keyset read of
 * follower ids (the follows a test adds). Records every call with its
 * {@code Authorization} header, and can be taken down.
 */
public final class OtherServices implements AutoCloseable {

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final Pattern FOLLOWER_IDS = Pattern.compile("/internal/users/(\\d+)/follower-ids");

	private final StandInServer server;

	private final Map<Long, Post> posts = new ConcurrentHashMap<>();

	private final Map<Long, Set<Long>> followers = new ConcurrentHashMap<>();

	private final List<Call> calls = new CopyOnWriteArrayList<>();

	private volatile boolean down;

	private OtherServices() {
		this.server = StandInServer.start(this::handle);
	}

	public static OtherServices start() {
		return new OtherServices();
	}

	public String url() {
		return this.server.url();
	}

	/**
	 * Makes post-service know a post.
	 * @param postId the post
	 * @param authorId its author
	 * @param text its text
	 */
	public void post(long postId, long authorId, String text) {
		this.posts.put(postId, new Post(postId, authorId, text));
	}

	/**
	 * Makes graph-service know a follow.
	 * @param followerId who follows
	 * @param followeeId whom
	 */
	public void follow(long followerId, long followeeId) {
		this.followers.computeIfAbsent(followeeId, (key) -> new TreeSet<>()).add(followerId);
	}

	/**
	 * Makes every stand-in answer 503, or answer again.
	 * @param down whether they fail
	 */
	public void down(boolean down) {
		this.down = down;
	}

	/**
	 * The calls made to a path since the stand-ins started.
	 * @param path the path
	 * @return the calls
	 */
	public List<Call> calls(String path) {
		return this.calls.stream().filter((call) -> call.path().equals(path)).toList();
	}

	@Override
	public void close() {
		this.server.close();
	}

	private void handle(HttpExchange exchange) throws IOException {
		String path = exchange.getRequestURI().getPath();
		String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
		this.calls.add(new Call(path, exchange.getRequestHeaders().getFirst("Authorization"), body));
		if (this.down) {
			StandInServer.send(exchange, 503, "{}");
			return;
		}
		Matcher followerIds = FOLLOWER_IDS.matcher(path);
		if (path.equals("/internal/users/batch")) {
			List<Map<String, Object>> items = new ArrayList<>();
			ids(body).forEach((id) -> items
				.add(Map.of("id", Long.toString(id), "handle", "user" + id, "displayName", "User " + id)));
			StandInServer.send(exchange, 200, json.writeValueAsString(Map.of("items", items)));
		}
		else if (path.equals("/internal/posts/batch")) {
			List<Map<String, Object>> items = new ArrayList<>();
			ids(body).stream()
				.map(this.posts::get)
				.filter((post) -> post != null)
				.forEach((post) -> items
					.add(Map.of("id", Long.toString(post.id()), "author", Map.of("id", Long.toString(post.authorId())),
							"text", post.text(), "createdAt", "2026-12-01T10:00:00Z")));
			StandInServer.send(exchange, 200, json.writeValueAsString(Map.of("items", items)));
		}
		else if (followerIds.matches()) {
			long followee = Long.parseLong(followerIds.group(1));
			String query = (exchange.getRequestURI().getQuery() != null) ? exchange.getRequestURI().getQuery() : "";
			long after = 0;
			int limit = 1000;
			for (String parameter : query.split("&")) {
				String[] pair = parameter.split("=", 2);
				if (pair.length == 2 && pair[0].equals("after") && !pair[1].isEmpty()) {
					after = Long.parseLong(pair[1]);
				}
				if (pair.length == 2 && pair[0].equals("limit")) {
					limit = Integer.parseInt(pair[1]);
				}
			}
			long from = after;
			List<String> page = this.followers.getOrDefault(followee, Set.of())
				.stream()
				.filter((id) -> id > from)
				.limit(limit)
				.map(String::valueOf)
				.toList();
			StandInServer.send(exchange, 200, json.writeValueAsString(Map.of("items", page)));
		}
		else {
			StandInServer.send(exchange, 404, "{}");
		}
	}

	private static List<Long> ids(String body) {
		JsonNode ids = json.readTree(body).get("ids");
		List<Long> values = new ArrayList<>();
		ids.forEach((id) -> values.add(Long.parseLong(id.asString())));
		return values;
	}

	/**
	 * A call to a stand-in.
	 *
	 * @param path its path
	 * @param authorization its {@code Authorization} header
	 * @param body its body
	 */
	public record Call(String path, String authorization, String body) {

	}

	private record Post(long id, long authorId, String text) {

	}

}
