package io.murmur.feed.it;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

/**
 * A stand-in for graph-service's internal reads for fan-out and rebuilds: follower ids by
 * page, followee ids, counts, and the followees with many followers. A test follows with
 * {@link #follow} (and publishes the event itself).
 */
final class StubGraphService extends StubServer {

	private static final Pattern PATH = Pattern.compile("/internal/users/(\\d+)/([a-z-]+)");

	private final Map<Long, Set<Long>> followers = new ConcurrentHashMap<>();

	private final Map<Long, Set<Long>> followees = new ConcurrentHashMap<>();

	void follow(long follower, long followee) {
		this.followers.computeIfAbsent(followee, (id) -> new ConcurrentSkipListSet<>()).add(follower);
		this.followees.computeIfAbsent(follower, (id) -> new ConcurrentSkipListSet<>()).add(followee);
	}

	void unfollow(long follower, long followee) {
		this.followers.getOrDefault(followee, Set.of()).remove(follower);
		this.followees.getOrDefault(follower, Set.of()).remove(followee);
	}

	@Override
	Object answer(String method, String path, String query, JsonNode body) {
		Matcher matcher = PATH.matcher(path);
		if (!method.equals("GET") || !matcher.matches()) {
			return null;
		}
		long user = Long.parseLong(matcher.group(1));
		return switch (matcher.group(2)) {
			case "follower-ids" ->
				followerIds(user, parameter(query, "after"), Integer.parseInt(parameter(query, "limit")));
			case "followee-ids" -> Map.of("items", ids(this.followees.getOrDefault(user, Set.of())));
			case "counts" -> Map.of("id", Long.toString(user), "followersCount", count(this.followers, user),
					"followingCount", count(this.followees, user));
			case "celebrity-followees" -> Map.of("items", this.followees.getOrDefault(user, Set.of())
				.stream()
				.filter((followee) -> count(this.followers, followee) >= Long.parseLong(parameter(query, "threshold")))
				.map((followee) -> Map.of("id", Long.toString(followee), "followersCount",
						count(this.followers, followee)))
				.toList());
			default -> null;
		};
	}

	private Map<String, Object> followerIds(long user, String after, int limit) {
		long from = after.isEmpty() ? 0 : Long.parseLong(after);
		List<Long> page = this.followers.getOrDefault(user, Set.of())
			.stream()
			.filter((id) -> id > from)
			.sorted()
			.limit(limit + 1)
			.toList();
		boolean more = page.size() > limit;
		List<Long> ids = more ? page.subList(0, limit) : page;
		Map<String, Object> answer = new HashMap<>();
		answer.put("items", ids(ids));
		answer.put("nextAfter", more ? Long.toString(ids.get(ids.size() - 1)) : null);
		return answer;
	}

	private static long count(Map<Long, Set<Long>> relation, long user) {
		return relation.getOrDefault(user, Set.of()).size();
	}

	private static List<String> ids(Iterable<Long> ids) {
		List<String> strings = new ArrayList<>();
		ids.forEach((id) -> strings.add(Long.toString(id)));
		return strings;
	}

}
