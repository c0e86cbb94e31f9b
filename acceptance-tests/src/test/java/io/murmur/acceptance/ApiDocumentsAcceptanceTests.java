package io.murmur.acceptance;

import java.net.http.HttpHeaders;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI documents the gateway lists, as a client generator reads them: valid
 * OpenAPI, and every operation named, tagged, summarised, secured, with its success body
 * as JSON of a schema and its errors as problems. The documents are read from the live
 * services, so what is checked is what clients get.
 */
class ApiDocumentsAcceptanceTests {

	private static final String PROBLEM = "#/components/schemas/Problem";

	private final ApiContract contract = ApiContract.get();

	@Nested
	class Lint {

		@Test
		void shouldListADocumentOfEveryService() {
			assertThat(ApiDocumentsAcceptanceTests.this.contract.documents()).containsOnlyKeys("user", "graph", "post",
					"media", "feed", "notification", "search");
		}

		@Test
		void shouldBeValidOpenApi() {
			List<String> findings = new ArrayList<>();
			ApiDocumentsAcceptanceTests.this.contract.documents().forEach((name, document) -> {
				if (document.parsed().getOpenAPI() == null) {
					findings.add(name + ": not OpenAPI");
				}
				if (document.parsed().getMessages() != null) {
					document.parsed().getMessages().forEach((message) -> findings.add(name + ": " + message));
				}
			});
			assertThat(findings).isEmpty();
		}

		@Test
		void shouldDescribeEveryOperationForAGeneratedClient() {
			List<String> findings = new ArrayList<>();
			Map<String, String> operationIds = new HashMap<>();
			ApiDocumentsAcceptanceTests.this.contract.documents().forEach((name, document) -> {
				OpenAPI api = document.parsed().getOpenAPI();
				findings.addAll(describe(name, api, document.json()));
				api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
					String where = name + " " + method + " " + path + ": ";
					findings.addAll(operation(operation).stream().map((finding) -> where + finding).toList());
					String other = operationIds.putIfAbsent(String.valueOf(operation.getOperationId()), name);
					if (other != null) {
						findings.add(where + "operationId " + operation.getOperationId() + " is also in " + other);
					}
				}));
			});
			assertThat(findings).isEmpty();
		}

		private static List<String> describe(String name, OpenAPI api, String json) {
			List<String> findings = new ArrayList<>();
			String title = api.getInfo().getTitle();
			if (title == null || title.equals("OpenAPI definition") || !title.startsWith("Murmur ")) {
				findings.add(name + ": the title " + title + " is not one a person would choose");
			}
			if (api.getInfo().getDescription() == null || api.getInfo().getDescription().isBlank()) {
				findings.add(name + ": no description");
			}
			if (!"v1".equals(api.getInfo().getVersion())) {
				findings.add(name + ": the version is " + api.getInfo().getVersion() + ", not v1");
			}
			if (api.getServers() == null || api.getServers().size() != 1
					|| api.getServers().get(0).getUrl().matches(".*:80[0-9][0-9]$")
							&& !api.getServers().get(0).getUrl().endsWith(":8080")) {
				findings.add(name + ": the server is not the gateway alone: " + api.getServers());
			}
			if (api.getComponents() == null || api.getComponents().getSecuritySchemes() == null
					|| !api.getComponents().getSecuritySchemes().containsKey("bearer")) {
				findings.add(name + ": no bearer security scheme");
			}
			if (api.getComponents() != null && api.getComponents().getSchemas() != null) {
				api.getComponents()
					.getSchemas()
					.keySet()
					.stream()
					.filter((schema) -> schema.endsWith("OperationRequest") || schema.contains("_")
							|| schema.endsWith("Node"))
					.forEach((schema) -> findings.add(name + ": the schema name " + schema + " is generated"));
				api.getComponents()
					.getSchemas()
					.keySet()
					.stream()
					.filter((schema) -> !json.contains("\"#/components/schemas/" + schema + "\""))
					.forEach((schema) -> findings.add(name + ": the schema " + schema + " is used nowhere"));
				api.getComponents().getSchemas().forEach((schema, model) -> {
					if (model.getProperties() != null) {
						model.getProperties().forEach((property, value) -> {
							Schema<?> field = (Schema<?>) value;
							if (field.getAllOf() != null && field.getAllOf().size() == 1
									&& !Boolean.TRUE.equals(field.getNullable())) {
								findings.add(name + ": " + schema + "." + property
										+ " wraps a reference in allOf without being nullable");
							}
						});
					}
				});
			}
			return findings;
		}

		private static List<String> operation(Operation operation) {
			List<String> findings = new ArrayList<>();
			if (operation.getOperationId() == null || !operation.getOperationId().matches("[a-z][A-Za-z0-9]+")) {
				findings.add("the operationId " + operation.getOperationId() + " is not a camel-case name");
			}
			if (operation.getSummary() == null || operation.getSummary().isBlank()) {
				findings.add("no summary");
			}
			if (operation.getTags() == null || operation.getTags().size() != 1
					|| operation.getTags().get(0).endsWith("-controller")) {
				findings.add("not one tag of its own: " + operation.getTags());
			}
			if (operation.getSecurity() != null && !operation.getSecurity().isEmpty()) {
				findings.add("a security requirement other than the document's bearer or none");
			}
			List<String> successes = operation.getResponses()
				.keySet()
				.stream()
				.filter((code) -> code.startsWith("2"))
				.toList();
			if (successes.isEmpty()) {
				findings.add("no success response");
			}
			operation.getResponses().forEach((code, response) -> findings.addAll(response(code, response)));
			if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
				operation.getRequestBody()
					.getContent()
					.forEach((type, media) -> findings.addAll(media("the request body", type, media)));
			}
			return findings;
		}

		private static List<String> response(String code, ApiResponse response) {
			List<String> findings = new ArrayList<>();
			if (!code.matches("[1-5][0-9][0-9]")) {
				findings.add(code + " is not a status");
				return findings;
			}
			if (response.getDescription() == null || response.getDescription().isBlank()) {
				findings.add(code + " has no description");
			}
			if (code.startsWith("4") || code.startsWith("5")) {
				boolean problem = response.getContent() != null && response.getContent().size() == 1
						&& response.getContent().get("application/problem+json") != null
						&& PROBLEM.equals(response.getContent().get("application/problem+json").getSchema().get$ref());
				if (!problem) {
					findings.add(code + " is not application/problem+json of the Problem schema");
				}
			}
			else if (code.equals("204") && response.getContent() != null && !response.getContent().isEmpty()) {
				findings.add("204 has a body");
			}
			else if (code.startsWith("2") && !code.equals("204")) {
				if (response.getContent() == null || response.getContent().isEmpty()) {
					findings.add(code + " has no body");
				}
				else {
					response.getContent().forEach((type, media) -> findings.addAll(media(code, type, media)));
				}
			}
			return findings;
		}

		private static List<String> media(String what, String type, MediaType media) {
			List<String> findings = new ArrayList<>();
			if (type.contains("*")) {
				findings.add(what + " is " + type + ", not a real media type");
			}
			if (media.getSchema() == null) {
				findings.add(what + " as " + type + " has no schema");
			}
			return findings;
		}

	}

	@Nested
	class Published {

		private static final Path PUBLISHED = Path.of("..", "docs", "api");

		private static final JsonMapper json = JsonMapper.builder().build();

		@Test
		void shouldPublishInDocsApiTheDocumentsTheServicesServe() throws Exception {
			List<String> stale = new ArrayList<>();
			for (Map.Entry<String, ApiContract.Document> document : ApiDocumentsAcceptanceTests.this.contract
				.documents()
				.entrySet()) {
				Path published = PUBLISHED.resolve(document.getKey() + ".json");
				if (!Files.exists(published)
						|| !json.readTree(published.toFile()).equals(json.readTree(document.getValue().json()))) {
					stale.add(document.getKey());
				}
			}
			assertThat(stale)
				.as("documents in docs/api that differ from what the services serve; the served ones are"
						+ " in acceptance-tests/target/api-docs: review the change and copy them over (clients are"
						+ " generated from docs/api)")
				.isEmpty();
		}

		@Test
		void shouldStateTheConstraintsTheServicesEnforce() {
			Map<String, ApiContract.Document> documents = ApiDocumentsAcceptanceTests.this.contract.documents();
			Schema<?> register = schema(documents.get("user"), "RegisterRequest");
			assertThat(property(register, "password").getMinLength()).isEqualTo(10);
			assertThat(property(register, "password").getMaxLength()).isEqualTo(128);
			assertThat(property(register, "handle").getPattern()).startsWith("^").endsWith("$");
			assertThat(register.getRequired()).contains("handle", "email", "password");
			assertThat(property(schema(documents.get("post"), "CreatePostRequest"), "text").getMaxLength())
				.isEqualTo(280);
			Schema<?> limit = documents.get("feed")
				.parsed()
				.getOpenAPI()
				.getPaths()
				.get("/api/v1/feed")
				.getGet()
				.getParameters()
				.stream()
				.filter((parameter) -> parameter.getName().equals("limit"))
				.findFirst()
				.orElseThrow()
				.getSchema();
			assertThat(limit.getMinimum()).isNotNull();
			assertThat(limit.getMaximum()).isNotNull();
			assertThat(limit.getDefault()).isNotNull();
		}

		private static Schema<?> schema(ApiContract.Document document, String name) {
			return document.parsed().getOpenAPI().getComponents().getSchemas().get(name);
		}

		private static Schema<?> property(Schema<?> schema, String name) {
			return (Schema<?>) schema.getProperties().get(name);
		}

		@Test
		void shouldShowAPostsAuthorInOneShapeInEveryDocument() {
			Map<String, String> authors = new LinkedHashMap<>();
			authors.put("post", "PostResponse");
			authors.put("feed", "FeedItem");
			authors.put("search", "FoundPost");
			List<String> shapes = new ArrayList<>();
			authors.forEach((name, post) -> {
				OpenAPI api = ApiDocumentsAcceptanceTests.this.contract.documents().get(name).parsed().getOpenAPI();
				Schema<?> author = (Schema<?>) api.getComponents().getSchemas().get(post).getProperties().get("author");
				String ref = (author.get$ref() != null) ? author.get$ref()
						: ((Schema<?>) author.getAllOf().get(0)).get$ref();
				Schema<?> shape = api.getComponents().getSchemas().get(ref.substring(ref.lastIndexOf('/') + 1));
				List<String> fields = new ArrayList<>();
				shape.getProperties()
					.forEach((field, schema) -> fields
						.add(field + ":" + schema.getType() + ":" + Boolean.TRUE.equals(schema.getNullable()) + ":"
								+ (shape.getRequired() != null && shape.getRequired().contains(field))));
				shapes.add(String.join(",", fields));
			});
			assertThat(shapes).containsOnly(
					"avatarUrl:string:true:false,displayName:string:false:true,handle:string:false:true,id:string:false:true");
		}

	}

	@Nested
	class Conformance {

		@Test
		void shouldFindAResponseThatIsNotAsDocumented() {
			assertThat(violations(200, "application/json", "{\"id\":\"1\"}"))
				.anySatisfy((violation) -> assertThat(violation).contains("status"));
		}

		@Test
		void shouldFindABodyWithoutARequiredField() {
			assertThat(violations(201, "application/json", "{\"id\":\"1\"}"))
				.anySatisfy((violation) -> assertThat(violation).contains("handle"));
		}

		@Test
		void shouldFindAnErrorThatIsNotAProblem() {
			assertThat(violations(400, "text/plain", "bad")).isNotEmpty();
		}

		private List<String> violations(int status, String contentType, String body) {
			Api.Response registered = new Api.Response(status,
					HttpHeaders.of(Map.of("Content-Type", List.of(contentType)), (name, value) -> true), body);
			return ApiDocumentsAcceptanceTests.this.contract.violations("POST", "/api/v1/auth/register", registered);
		}

	}

}
