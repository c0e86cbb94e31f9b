package io.murmur.search.web;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import co.elastic.clients.elasticsearch._types.FieldValue;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Where a page of post results ends: the sort values of its last hit, which the next page
 * searches after, and for {@code top} the instant recency was scored against, so that
 * every page of one search ranks the same way. Opaque to clients: base64url of a small
 * JSON object.
 *
 * @param sort the sort it belongs to
 * @param origin for {@code top}, the instant recency is scored against, in epoch millis
 * @param after the sort values of the last hit
 */
record Cursor(PostSort sort, long origin, List<FieldValue> after) {

	private static final JsonMapper JSON = JsonMapper.shared();

	String encode() {
		ObjectNode node = JSON.createObjectNode();
		node.put("s", this.sort.name());
		node.put("o", this.origin);
		ArrayNode values = node.putArray("a");
		for (FieldValue value : this.after) {
			switch (value._kind()) {
				case Double -> values.add(value.doubleValue());
				case Long -> values.add(value.longValue());
				default -> values.add(value.stringValue());
			}
		}
		return Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.writeValueAsBytes(node));
	}

	static Cursor decode(String cursor, PostSort sort) {
		JsonNode node;
		try {
			node = JSON.readTree(Base64.getUrlDecoder().decode(cursor));
		}
		catch (IllegalArgumentException | JacksonException ex) {
			throw new InvalidCursorException("The cursor is not one this search returned");
		}
		if (!node.isObject() || !sort.name().equals(node.path("s").asString(""))) {
			throw new InvalidCursorException("The cursor belongs to another sort or to no search");
		}
		JsonNode values = node.path("a");
		if (!values.isArray() || values.size() != sort.sortValues() || !node.path("o").isIntegralNumber()) {
			throw new InvalidCursorException("The cursor is not one this search returned");
		}
		List<FieldValue> after = new ArrayList<>();
		for (JsonNode value : values) {
			if (value.isIntegralNumber()) {
				after.add(FieldValue.of(value.asLong()));
			}
			else if (value.isNumber()) {
				after.add(FieldValue.of(value.asDouble()));
			}
			else if (value.isString()) {
				after.add(FieldValue.of(value.asString()));
			}
			else {
				throw new InvalidCursorException("The cursor is not one this search returned");
			}
		}
		return new Cursor(sort, node.path("o").asLong(), after);
	}

}
