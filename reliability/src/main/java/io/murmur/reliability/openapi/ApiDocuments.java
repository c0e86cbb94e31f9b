package io.murmur.reliability.openapi;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import io.murmur.reliability.http.RawHttp;
import io.murmur.reliability.http.RawRequest;
import io.murmur.reliability.http.RawResponse;

/**
 * Reads the operations out of OpenAPI 3 documents, the form springdoc publishes at
 * {@code /v3/api-docs}. Only what the generators need: the paths and methods, their path
 * and query parameters, and the request body's media types and schema.
 */
public final class ApiDocuments {

	private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

	private static final JsonMapper json = JsonMapper.builder().build();

	private ApiDocuments() {
	}

	/**
	 * The operations of running services, read from the {@code /v3/api-docs} each
	 * publishes.
	 * @param urls each service's own base URL, by service name
	 * @return the operations, in a stable order
	 * @throws IllegalStateException if a service publishes no document
	 */
	public static List<Operation> fetch(Map<String, String> urls) {
		Map<String, JsonNode> documents = new LinkedHashMap<>();
		urls.forEach((service, url) -> {
			RawResponse response = new RawHttp(url, Duration.ofSeconds(30))
				.send(RawRequest.json("GET", "/v3/api-docs", null, "the API document"));
			if (response.status() != 200) {
				throw new IllegalStateException(service + " publishes no API document: " + response);
			}
			documents.put(service, json.readTree(response.body()));
		});
		return operations(documents);
	}

	/**
	 * The operations of several services, in a stable order (service, path, method), so
	 * that what is generated from them depends on the seed only.
	 * @param documents each service's document, by service name
	 * @return the operations
	 */
	public static List<Operation> operations(Map<String, JsonNode> documents) {
		List<Operation> operations = new ArrayList<>();
		documents.forEach((service, document) -> operations.addAll(operations(service, document)));
		operations.sort(Comparator.comparing(Operation::service)
			.thenComparing(Operation::path)
			.thenComparing(Operation::method));
		return operations;
	}

	/**
	 * The operations of one service.
	 * @param service the service's name
	 * @param document its OpenAPI document
	 * @return the operations
	 */
	public static List<Operation> operations(String service, JsonNode document) {
		List<Operation> operations = new ArrayList<>();
		for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
			for (Map.Entry<String, JsonNode> method : path.getValue().properties()) {
				if (!METHODS.contains(method.getKey())) {
					continue;
				}
				JsonNode operation = method.getValue();
				List<Operation.Parameter> parameters = new ArrayList<>();
				for (JsonNode parameter : concat(path.getValue().path("parameters"), operation.path("parameters"))) {
					JsonNode resolved = resolve(document, parameter, 0);
					String in = resolved.path("in").asString("");
					if (in.equals("path") || in.equals("query")) {
						parameters.add(new Operation.Parameter(resolved.path("name").asString(""), in,
								resolve(document, resolved.path("schema"), 0).path("type").asString("string"),
								resolved.path("required").asBoolean(false)));
					}
				}
				List<String> contentTypes = new ArrayList<>();
				JsonNode schema = null;
				JsonNode content = resolve(document, operation.path("requestBody"), 0).path("content");
				for (Map.Entry<String, JsonNode> type : content.properties()) {
					contentTypes.add(type.getKey());
					if (schema == null) {
						schema = resolve(document, type.getValue().path("schema"), 0);
					}
				}
				operations
					.add(new Operation(service, method.getKey(), path.getKey(), parameters, contentTypes, schema));
			}
		}
		return operations;
	}

	private static List<JsonNode> concat(JsonNode first, JsonNode second) {
		List<JsonNode> all = new ArrayList<>();
		first.forEach(all::add);
		second.forEach(all::add);
		return all;
	}

	/**
	 * A copy of a schema with every {@code $ref} replaced by what it names, down to a
	 * depth that stops recursive schemas.
	 */
	static JsonNode resolve(JsonNode document, JsonNode node, int depth) {
		if (depth > 8 || node == null || node.isMissingNode() || node.isNull()) {
			return JsonNodeFactory.instance.objectNode();
		}
		if (node.has("$ref")) {
			String ref = node.get("$ref").asString();
			JsonNode target = document;
			for (String part : ref.replaceFirst("^#/", "").split("/")) {
				target = target.path(part);
			}
			return resolve(document, target, depth + 1);
		}
		if (!node.isObject()) {
			return node;
		}
		ObjectNode copy = JsonNodeFactory.instance.objectNode();
		for (Map.Entry<String, JsonNode> property : node.properties()) {
			JsonNode value = property.getValue();
			copy.set(property.getKey(), value.isObject() ? resolve(document, value, depth + 1) : value);
		}
		return copy;
	}

}
