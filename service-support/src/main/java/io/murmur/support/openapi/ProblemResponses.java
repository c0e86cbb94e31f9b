package io.murmur.support.openapi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;

import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPatternParser;

import io.murmur.support.security.PublicEndpoints;

/**
 * Completes every operation of a document with what the shared set-up knows about it:
 * <ul>
 * <li>no security on the service's {@link PublicEndpoints}, the very matchers the
 * security filter lets through;</li>
 * <li>the error responses it can give unless it declares them itself: 400 when it takes
 * parameters or a body, 401 when it needs a token and 403 for a token that may not call
 * it (a service token on the public API), 404 when its path names something, 413 and 415
 * when it takes a body, 429 (the gateway's rate limits) and 503 (a store or service that
 * is down) always;</li>
 * <li>every error response, declared or added, as {@code application/problem+json} of the
 * one {@code Problem} schema, and every success body as {@code application/json} rather
 * than {@code *}{@code /*}.</li>
 * </ul>
 */
final class ProblemResponses implements GlobalOpenApiCustomizer {

	static final String PROBLEM = "Problem";

	static final String INVALID_FIELD = "InvalidField";

	private static final String PROBLEM_JSON = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;

	private static final String JSON = org.springframework.http.MediaType.APPLICATION_JSON_VALUE;

	private final List<PublicEndpoints> publicEndpoints;

	ProblemResponses(List<PublicEndpoints> publicEndpoints) {
		this.publicEndpoints = publicEndpoints;
	}

	@Override
	public void customise(OpenAPI openApi) {
		Components components = (openApi.getComponents() != null) ? openApi.getComponents() : new Components();
		openApi.setComponents(
				components.addSchemas(INVALID_FIELD, invalidFieldSchema()).addSchemas(PROBLEM, problemSchema()));
		if (openApi.getPaths() == null) {
			return;
		}
		openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
			boolean open = isPublic(method, path);
			if (open) {
				operation.setSecurity(new ArrayList<>());
			}
			complete(operation, path, !open && (operation.getSecurity() == null || !operation.getSecurity().isEmpty()));
		}));
		removeUnused(openApi, components);
	}

	/**
	 * Removes the schemas that only the replaced error responses used, such as Spring's
	 * {@code ProblemDetail}, which a client would otherwise generate a model for.
	 */
	@SuppressWarnings("rawtypes")
	private static void removeUnused(OpenAPI openApi, Components components) {
		Map<String, Schema> schemas = components.getSchemas();
		if (schemas == null) {
			return;
		}
		boolean removed = true;
		while (removed) {
			String used = Json.pretty(openApi);
			removed = schemas.keySet().removeIf((name) -> !used.contains("\"#/components/schemas/" + name + "\""));
		}
	}

	private boolean isPublic(PathItem.HttpMethod method, String path) {
		PathContainer container = PathContainer.parsePath(path);
		return this.publicEndpoints.stream()
			.filter((endpoints) -> endpoints.method().equals(HttpMethod.valueOf(method.name())))
			.flatMap((endpoints) -> endpoints.paths().stream())
			.anyMatch((pattern) -> PathPatternParser.defaultInstance.parse(pattern).matches(container));
	}

	private static void complete(Operation operation, String path, boolean secured) {
		ApiResponses responses = (operation.getResponses() != null) ? operation.getResponses() : new ApiResponses();
		operation.setResponses(responses);
		boolean parameters = operation.getParameters() != null && !operation.getParameters().isEmpty();
		boolean body = operation.getRequestBody() != null;
		Map<Integer, Boolean> errors = new LinkedHashMap<>();
		errors.put(400, parameters || body);
		errors.put(401, secured);
		errors.put(403, secured);
		errors.put(404, path.contains("{"));
		errors.put(413, body);
		errors.put(415, body);
		errors.put(429, true);
		errors.put(503, true);
		errors.forEach((status, applies) -> {
			if (applies) {
				responses.computeIfAbsent(String.valueOf(status),
						(code) -> new ApiResponse().description(HttpStatus.valueOf(status).getReasonPhrase()));
			}
		});
		responses.forEach((code, response) -> {
			if (response.get$ref() != null) {
				return;
			}
			if (code.startsWith("4") || code.startsWith("5")) {
				response.setContent(new Content().addMediaType(PROBLEM_JSON,
						new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
			}
			else if (response.getContent() != null && response.getContent().containsKey("*/*")) {
				MediaType any = response.getContent().remove("*/*");
				response.getContent().addMediaType(JSON, any);
			}
		});
	}

	private static Schema<?> problemSchema() {
		return new ObjectSchema().description("A problem with the request or the service (RFC 9457)")
			.addProperty("type", new StringSchema().format("uri-reference").description("What kind of problem it is"))
			.addProperty("title", new StringSchema().description("The kind of problem, for people"))
			.addProperty("status", new IntegerSchema().description("The HTTP status"))
			.addProperty("detail", new StringSchema().nullable(true).description("This occurrence, for people"))
			.addProperty("instance",
					new StringSchema().format("uri-reference").description("The path of the request that failed"))
			.addProperty("errors",
					new ArraySchema().items(new Schema<>().$ref("#/components/schemas/" + INVALID_FIELD))
						.description("The fields of the request that are not valid"))
			.required(List.of("type", "title", "status"))
			// RFC 9457: a problem type may add members of its own (search's query errors
			// add
			// parameter, position and reason), which a client that does not know them
			// ignores.
			.additionalProperties(true);
	}

	private static Schema<?> invalidFieldSchema() {
		return new ObjectSchema().description("A request field and what is wrong with it")
			.addProperty("field",
					new StringSchema().description("The field as named in the request, such as handle or ids[3]"))
			.addProperty("message", new StringSchema().description("What is wrong, for people"))
			.required(List.of("field", "message"));
	}

}
