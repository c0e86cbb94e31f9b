package io.murmur.feed.it;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * A stand-in for user-service's batch lookup: every user exists, with the handle
 * {@code u<id>}.
 */
final class StubUserService extends StubServer {

	@Override
	Object answer(String method, String path, String query, JsonNode body) {
		if (!method.equals("POST") || !path.equals("/internal/users/batch")) {
			return null;
		}
		List<Map<String, String>> users = new ArrayList<>();
		for (JsonNode id : body.get("ids")) {
			users.add(
					Map.of("id", id.asString(), "handle", "u" + id.asString(), "displayName", "User " + id.asString()));
		}
		return Map.of("items", users);
	}

}
