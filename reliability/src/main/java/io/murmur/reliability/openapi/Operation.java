package io.murmur.reliability.openapi;

import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One operation of a service's API, as its OpenAPI document describes it.
 *
 * @param service the service that publishes it
 * @param method the HTTP method, in upper case
 * @param path the path template, {@code /api/v1/posts/{id}}
 * @param parameters the path and query parameters
 * @param contentTypes the media types of the request body, empty without one
 * @param bodySchema the schema of the request body, with every {@code $ref} resolved, or
 * {@code null}
 */
public record Operation(String service, String method, String path, List<Parameter> parameters,
		List<String> contentTypes, @Nullable JsonNode bodySchema) {

	public Operation {
		method = method.toUpperCase(Locale.ROOT);
		parameters = List.copyOf(parameters);
		contentTypes = List.copyOf(contentTypes);
	}

	/**
	 * The path with every variable replaced by one value.
	 * @param value the value, already encoded for a path
	 * @return the path
	 */
	public String pathWith(String value) {
		return this.path.replaceAll("\\{[^}]+}", java.util.regex.Matcher.quoteReplacement(value));
	}

	/** Whether the path has variables. */
	public boolean hasPathVariables() {
		return this.path.contains("{");
	}

	/** Whether the body is a multipart form. */
	public boolean isMultipart() {
		return this.contentTypes.stream().anyMatch((type) -> type.startsWith("multipart/"));
	}

	@Override
	public String toString() {
		return this.service + ": " + this.method + " " + this.path;
	}

	/**
	 * A path or query parameter.
	 *
	 * @param name its name
	 * @param in {@code path} or {@code query}
	 * @param type its schema type ({@code string}, {@code integer}, ...)
	 * @param required whether it is required
	 */
	public record Parameter(String name, String in, String type, boolean required) {

	}

}
