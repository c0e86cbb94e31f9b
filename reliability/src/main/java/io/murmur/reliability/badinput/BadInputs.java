package io.murmur.reliability.badinput;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import io.murmur.reliability.http.RawRequest;
import io.murmur.reliability.openapi.Operation;

/**
 * Generates bad requests from the operations of the services, the same ones for the same
 * seed and operations: each picks an operation and a {@link Mutation} and breaks one
 * thing of an otherwise plausible request (a body built from the operation's schema).
 */
public final class BadInputs {

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final JsonNodeFactory nodes = JsonNodeFactory.instance;

	static final List<String> HOSTILE_IDS = List.of("%00", "..%2F..%2Finternal", "..%2f..%2f..%2finternal%2fusers",
			"%2e%2e", "%2e%2e%2f%2e%2e", "..%5C..%5Cinternal", "%252e%252e%252f", "%ff%fe", "%c0%af", "%ed%a0%80",
			"%F0%9F%98%80", "-1", "0", "00001", "9223372036854775808", "99999999999999999999999999", "1.5", "1e3",
			"0x1F", "abc", "null", "undefined", "%20", "%0d%0aX-Injected:%201", "%3Cscript%3E", "'%20OR%201=1--",
			"1%2F2", "1;x=2", "%25", "~", "%E2%80%AE", "1" + "0".repeat(300));

	static final List<String> BAD_QUERY_VALUES = List.of("-1", "0", "1000000", "2147483648", "abc", "%ff%fe", "%",
			"%zz", "%c0%80", "NaN", "Infinity", "1e9", "9223372036854775808", "%00", "!!!", "not-a-cursor",
			"eyJ1c2VyIjoiMSJ9", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "a".repeat(5000), "%E2%80%AE%F0%9F%98%80", "%20",
			"1,2,3", "[]", "{}", "true");

	static final List<String> UNICODE_STRINGS = List.of("\u0000", "a\u0000b", "\u202Eevil", "\u200B\u200B", "\uFEFF",
			"e\u0301\u0301\u0301\u0301\u0301", "😀".repeat(300), "𝕏".repeat(100), "\uFFFF", "\u0085", "ｆｕｌｌ", "аdmin",
			"\u0001\u0002\u001F", "\\", "\"", "'; DROP TABLE posts; --", "<script>x</script>",
			"\r\n\r\nHTTP/1.1 200 OK", "中文日本語한국어", "\u00A0");

	private final List<Operation> operations;

	private final Random random;

	/**
	 * A generator over some operations.
	 * @param operations the operations, in a stable order
	 * @param seed the seed: the same seed gives the same requests
	 */
	public BadInputs(List<Operation> operations, long seed) {
		if (operations.isEmpty()) {
			throw new IllegalArgumentException("No operations to generate from");
		}
		this.operations = List.copyOf(operations);
		this.random = new Random(seed);
	}

	/**
	 * The next requests.
	 * @param count how many
	 * @return the requests, without a token
	 */
	public List<RawRequest> next(int count) {
		List<RawRequest> requests = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			requests.add(next());
		}
		return requests;
	}

	/**
	 * The next request.
	 * @return the request, without a token
	 */
	public RawRequest next() {
		Operation operation = pick(this.operations);
		Mutation mutation = pick(List.of(Mutation.values()));
		return switch (mutation) {
			case HOSTILE_PATH_ID -> operation.hasPathVariables() ? hostilePathId(operation) : badQueryValue(operation);
			case BAD_QUERY_VALUE -> badQueryValue(operation);
			case UNKNOWN_QUERY_PARAMETER -> unknownQueryParameter(operation);
			case WRONG_TYPE -> withBody(operation, mutation, wrongType(body(operation)));
			case MISSING_FIELD -> withBody(operation, mutation, missingField(body(operation)));
			case HUGE_VALUE -> withBody(operation, mutation, hugeValue(body(operation)));
			case UNICODE_EDGE -> unicodeEdge(operation);
			case MALFORMED_JSON -> malformedJson(operation);
			case DUPLICATE_KEYS -> duplicateKeys(operation);
			case OVERSIZED_BODY -> oversizedBody(operation);
			case WRONG_CONTENT_TYPE -> wrongContentType(operation);
			case MULTIPART_ODDITY -> multipartOddity(operation);
			case WRONG_METHOD -> wrongMethod(operation);
		};
	}

	private RawRequest hostilePathId(Operation operation) {
		String id = pick(HOSTILE_IDS);
		return request(operation, operation.method(), operation.pathWith(id), jsonBody(operation),
				Mutation.HOSTILE_PATH_ID, "id " + id);
	}

	private RawRequest badQueryValue(Operation operation) {
		List<String> names = new ArrayList<>(List.of("limit", "cursor"));
		operation.parameters()
			.stream()
			.filter((parameter) -> parameter.in().equals("query"))
			.forEach((parameter) -> names.add(parameter.name()));
		String name = pick(names);
		String value = pick(BAD_QUERY_VALUES);
		return request(operation, operation.method(), target(operation) + "?" + name + "=" + value, jsonBody(operation),
				Mutation.BAD_QUERY_VALUE, name + "=" + value);
	}

	private RawRequest unknownQueryParameter(Operation operation) {
		String value = pick(List.of("%ff%fe", "%", "%zz", "%c0%af", "%ed%a0%80", "%F4%90%80%80", "%00"));
		String query = pick(List.of("unused=" + value, value + "=1", "a=1&a=2&a=" + value, "=" + value, "&&&"));
		return request(operation, operation.method(), target(operation) + "?" + query, jsonBody(operation),
				Mutation.UNKNOWN_QUERY_PARAMETER, query);
	}

	private RawRequest unicodeEdge(Operation operation) {
		if (this.random.nextInt(4) == 0) {
			byte[] invalid = "{\"text\":\"\u00FF\u00FE\"}".getBytes(StandardCharsets.ISO_8859_1);
			return new RawRequest(operation.method(), target(operation), Map.of("Content-Type", "application/json"),
					invalid, Mutation.UNICODE_EDGE + ": bytes that are not UTF-8");
		}
		ObjectNode body = body(operation);
		String value = pick(UNICODE_STRINGS);
		String field = field(body, "text");
		body.put(field, value);
		return withBody(operation, Mutation.UNICODE_EDGE, body);
	}

	private RawRequest malformedJson(Operation operation) {
		String body = pick(List.of("{", "{\"text\":", "{\"text\":\"x\",}", "{'text':'x'}", "{text:\"x\"}",
				"{\"text\":\"x\"} trailing", "{\"text\":\"x\"}{\"text\":\"y\"}", "[]", "\"string\"", "123", "null",
				"true", "", " ", "[".repeat(5000) + "]".repeat(5000), "{\"a\":".repeat(3000) + "1" + "}".repeat(3000),
				"{/* comment */\"text\":\"x\"}", "{\"text\":NaN}", "{\"text\":\"\\uD800\"}", "{\"text\":\"\\x41\"}",
				"{\"limit\":1e999999}", "{\"text\":\"x\"\u0000}"));
		return request(operation, bodyMethod(operation), target(operation), body, Mutation.MALFORMED_JSON,
				shorten(body));
	}

	private RawRequest duplicateKeys(Operation operation) {
		ObjectNode body = body(operation);
		String field = field(body, "text");
		String text = json.writeValueAsString(body);
		String duplicated = text.replaceFirst("^\\{",
				"{\"" + field + "\":" + pick(List.of("\"first\"", "1", "null", "{}", "[]")) + ",");
		return request(operation, bodyMethod(operation), target(operation), duplicated, Mutation.DUPLICATE_KEYS,
				"key " + field + " twice");
	}

	private RawRequest oversizedBody(Operation operation) {
		int size = pick(List.of(70 * 1024, 1100 * 1024, 1500 * 1024));
		String body = "{\"text\":\"" + "x".repeat(size) + "\"}";
		return request(operation, bodyMethod(operation), target(operation), body, Mutation.OVERSIZED_BODY,
				size + " bytes");
	}

	private RawRequest wrongContentType(Operation operation) {
		String type = pick(List.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
				"multipart/form-data", "application/json; charset=ISO-8859-1", "application/json; charset=nonsense",
				"application/octet-stream", "image/png", ";;;", "application/json, text/plain", "*/*"));
		String body = json.writeValueAsString(body(operation));
		if (type.startsWith("application/x-www-form")) {
			body = "text=x&mediaIds=1&limit=%ff";
		}
		return new RawRequest(bodyMethod(operation), target(operation), Map.of("Content-Type", type),
				body.getBytes(StandardCharsets.UTF_8), Mutation.WRONG_CONTENT_TYPE + ": " + type);
	}

	private RawRequest multipartOddity(Operation operation) {
		String boundary = "murmur" + Long.toHexString(this.random.nextLong());
		String part = pick(List.of("file", "files", "description", "focus", "x"));
		String filename = pick(List.of("a.png", "../../etc/passwd", "a\u0000.png", "", "😀.jpg", "a".repeat(500)));
		String contentType = pick(List.of("image/png", "image/jpeg", "text/plain", "application/json", ""));
		byte[] content = pick(List.of("not an image".getBytes(StandardCharsets.UTF_8), new byte[0],
				new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13 },
				new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0 }));
		String variant = pick(List.of("well-formed", "no closing boundary", "wrong boundary", "no boundary",
				"two files", "focus of the wrong shape"));
		StringBuilder head = new StringBuilder();
		head.append("--").append(boundary).append("\r\n");
		head.append("Content-Disposition: form-data; name=\"").append(part).append("\"; filename=\"").append(filename);
		head.append("\"\r\n");
		if (!contentType.isEmpty()) {
			head.append("Content-Type: ").append(contentType).append("\r\n");
		}
		head.append("\r\n");
		StringBuilder tail = new StringBuilder("\r\n");
		if (variant.equals("two files")) {
			tail.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"file\"; ");
			tail.append("filename=\"b.png\"\r\nContent-Type: image/png\r\n\r\nxx\r\n");
		}
		if (variant.equals("focus of the wrong shape")) {
			tail.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"focus\"\r\n\r\n");
			tail.append(pick(List.of("2,2", "x", "NaN,NaN", "-1,-1", "0.5"))).append("\r\n");
		}
		if (!variant.equals("no closing boundary")) {
			tail.append("--").append(variant.equals("wrong boundary") ? "other" : boundary).append("--\r\n");
		}
		byte[] body = concat(head.toString().getBytes(StandardCharsets.UTF_8), content,
				tail.toString().getBytes(StandardCharsets.UTF_8));
		String header = variant.equals("no boundary") ? "multipart/form-data"
				: "multipart/form-data; boundary=" + boundary;
		return new RawRequest(bodyMethod(operation), target(operation), Map.of("Content-Type", header), body,
				Mutation.MULTIPART_ODDITY + ": " + variant + ", part " + part + ", file " + shorten(filename));
	}

	private RawRequest wrongMethod(Operation operation) {
		String method = pick(List.of("PUT", "PATCH", "DELETE", "POST", "GET", "TRACE", "OPTIONS", "PROPFIND", "BREW"));
		return request(operation, method, target(operation), (method.equals("GET") ? null : "{}"),
				Mutation.WRONG_METHOD, method);
	}

	private RawRequest withBody(Operation operation, Mutation mutation, ObjectNode body) {
		return request(operation, bodyMethod(operation), target(operation), json.writeValueAsString(body), mutation,
				shorten(json.writeValueAsString(body)));
	}

	private static RawRequest request(Operation operation, String method, String target, @Nullable String body,
			Mutation mutation, String detail) {
		return RawRequest.json(method, target, body, mutation + " of " + operation + ": " + detail);
	}

	private @Nullable String jsonBody(Operation operation) {
		return (operation.bodySchema() != null && !operation.isMultipart()) ? json.writeValueAsString(body(operation))
				: null;
	}

	private String target(Operation operation) {
		return operation.pathWith(pick(List.of("1", "999999999999", "7")));
	}

	private static String bodyMethod(Operation operation) {
		return operation.method().equals("GET") || operation.method().equals("DELETE") ? "POST" : operation.method();
	}

	/**
	 * A plausible body for an operation, from its schema: every property, each with a
	 * value of its type.
	 */
	ObjectNode body(Operation operation) {
		JsonNode value = (operation.bodySchema() != null) ? valueOf(operation.bodySchema(), 0) : null;
		return (value instanceof ObjectNode object) ? object : nodes.objectNode().put("text", "hello");
	}

	private JsonNode valueOf(JsonNode schema, int depth) {
		String type = schema.path("type").asString("");
		if (type.isEmpty() && schema.has("properties")) {
			type = "object";
		}
		return switch (type) {
			case "object" -> {
				ObjectNode object = nodes.objectNode();
				if (depth < 4) {
					for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
						object.set(property.getKey(), valueOf(property.getValue(), depth + 1));
					}
				}
				yield object;
			}
			case "array" -> {
				ArrayNode array = nodes.arrayNode();
				if (depth < 4) {
					array.add(valueOf(schema.path("items"), depth + 1));
				}
				yield array;
			}
			case "integer" -> nodes.numberNode(1);
			case "number" -> nodes.numberNode(0.5);
			case "boolean" -> nodes.booleanNode(true);
			default -> nodes.stringNode(switch (schema.path("format").asString("")) {
				case "email" -> "someone@example.com";
				case "uri", "url" -> "https://example.com/hook";
				case "date-time" -> "2026-01-01T00:00:00Z";
				default -> "1";
			});
		};
	}

	private ObjectNode wrongType(ObjectNode body) {
		String field = field(body, "text");
		JsonNode current = body.get(field);
		List<JsonNode> wrong = new ArrayList<>(List.of(nodes.numberNode(5), nodes.booleanNode(false),
				nodes.objectNode().put("x", 1), nodes.arrayNode().add("x"), nodes.stringNode("not a number"),
				nodes.numberNode(1.5), nodes.nullNode()));
		if (current != null) {
			wrong.removeIf((candidate) -> candidate.getNodeType() == current.getNodeType());
		}
		body.set(field, pick(wrong));
		return body;
	}

	private ObjectNode missingField(ObjectNode body) {
		if (body.isEmpty()) {
			return body;
		}
		String field = field(body, "text");
		switch (this.random.nextInt(3)) {
			case 0 -> body.remove(field);
			case 1 -> body.putNull(field);
			default -> body.removeAll();
		}
		return body;
	}

	private ObjectNode hugeValue(ObjectNode body) {
		String field = field(body, "text");
		switch (this.random.nextInt(5)) {
			case 0 -> body.put(field, "x".repeat(20_000));
			case 1 -> body.put(field, new java.math.BigInteger("9".repeat(400)));
			case 2 -> body.put(field, 1e308);
			case 3 -> {
				ArrayNode many = body.putArray(field);
				for (int i = 0; i < 3000; i++) {
					many.add(Integer.toString(i));
				}
			}
			default -> body.put(field, Long.MIN_VALUE);
		}
		return body;
	}

	private String field(ObjectNode body, String otherwise) {
		List<String> names = new ArrayList<>(body.propertyNames());
		return names.isEmpty() ? otherwise : pick(names);
	}

	private <T> T pick(List<T> values) {
		return values.get(this.random.nextInt(values.size()));
	}

	private static String shorten(String text) {
		return (text.length() > 120) ? text.substring(0, 120) + "... (" + text.length() + " chars)" : text;
	}

	private static byte[] concat(byte[]... parts) {
		int length = 0;
		for (byte[] part : parts) {
			length += part.length;
		}
		byte[] all = new byte[length];
		int at = 0;
		for (byte[] part : parts) {
			System.arraycopy(part, 0, all, at, part.length);
			at += part.length;
		}
		return all;
	}

	/**
	 * How many requests of each mutation a list holds, for a report.
	 * @param requests the requests
	 * @return the counts by mutation
	 */
	public static Map<String, Integer> countByMutation(List<RawRequest> requests) {
		Map<String, Integer> counts = new LinkedHashMap<>();
		for (Mutation mutation : Mutation.values()) {
			counts.put(mutation.name(), 0);
		}
		for (RawRequest request : requests) {
			String mutation = request.description().split("[ :]", 2)[0];
			counts.merge(mutation, 1, Integer::sum);
		}
		return counts;
	}

}
