package io.murmur.support.openapi;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import io.murmur.support.app.Http.Response;
import io.murmur.support.app.SupportIntegrationTests;

import static org.assertj.core.api.Assertions.assertThat;

class OpenApiIntegrationTests extends SupportIntegrationTests {

	private JsonNode document;

	@BeforeEach
	void fetchDocument() {
		Response response = this.http.call("GET", "/v3/api-docs", null);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		this.document = response.json();
	}

	private JsonNode operation(String path, String method) {
		return this.document.path("paths").path(path).path(method);
	}

	@Nested
	class Document {

		@Test
		void shouldCarryTheServicesTitleAndVersion() {
			JsonNode info = OpenApiIntegrationTests.this.document.path("info");
			assertThat(info.path("title").asString()).isEqualTo("Murmur test API");
			assertThat(info.path("description").asString()).isEqualTo("The endpoints of the service-support tests");
			assertThat(info.path("version").asString()).isEqualTo("v1");
			assertThat(OpenApiIntegrationTests.this.document.path("openapi").asString()).startsWith("3.0");
		}

		@Test
		void shouldNameTheGatewayAsTheServer() {
			assertThat(OpenApiIntegrationTests.this.document.path("servers").get(0).path("url").asString())
				.isEqualTo("http://127.0.0.1:8080");
		}

		@Test
		void shouldLeaveInternalPathsOut() {
			assertThat(OpenApiIntegrationTests.this.document.path("paths").has("/internal/whoami")).isFalse();
		}

	}

	@Nested
	class Security {

		@Test
		void shouldAskForABearerTokenByDefault() {
			JsonNode scheme = OpenApiIntegrationTests.this.document.path("components")
				.path("securitySchemes")
				.path("bearer");
			assertThat(scheme.path("scheme").asString()).isEqualTo("bearer");
			assertThat(scheme.path("bearerFormat").asString()).isEqualTo("JWT");
			assertThat(OpenApiIntegrationTests.this.document.path("security").get(0).has("bearer")).isTrue();
			assertThat(operation("/api/v1/me", "get").path("responses").has("401")).isTrue();
			assertThat(operation("/api/v1/me", "get").path("responses").has("403")).isTrue();
		}

		@Test
		void shouldDeclareThePublicEndpointsWithoutSecurity() {
			JsonNode open = operation("/api/v1/open", "get");
			assertThat(open.path("security").isArray()).isTrue();
			assertThat(open.path("security")).isEmpty();
			assertThat(open.path("responses").has("401")).isFalse();
			assertThat(open.path("responses").has("403")).isFalse();
		}

	}

	@Nested
	class Problems {

		@Test
		void shouldDescribeEveryErrorWithTheProblemSchema() {
			JsonNode responses = operation("/api/v1/notes", "post").path("responses");
			assertThat(responses.propertyNames()).contains("400", "401", "413", "415", "429", "503");
			for (String status : new String[] { "400", "401", "413", "415", "429", "503" }) {
				assertThat(responses.path(status)
					.path("content")
					.path("application/problem+json")
					.path("schema")
					.path("$ref")
					.asString()).as(status).isEqualTo("#/components/schemas/Problem");
			}
		}

		@Test
		void shouldLeaveNoSchemaThatOnlyAReplacedErrorUsed() {
			JsonNode teapot = operation("/api/v1/teapot", "get").path("responses").path("418");
			assertThat(teapot.path("content").path("application/problem+json").path("schema").path("$ref").asString())
				.isEqualTo("#/components/schemas/Problem");
			assertThat(OpenApiIntegrationTests.this.document.path("components").path("schemas").has("ProblemDetail"))
				.isFalse();
			assertThat(OpenApiIntegrationTests.this.document.path("components")
				.path("schemas")
				.path("Problem")
				.path("additionalProperties")
				.asBoolean()).as("extension members allowed (RFC 9457)").isTrue();
		}

		@Test
		void shouldDocumentNotFoundOnlyWhereThePathNamesSomething() {
			assertThat(operation("/api/v1/notes/{id}", "get").path("responses").has("404")).isTrue();
			assertThat(operation("/api/v1/me", "get").path("responses").has("404")).isFalse();
			assertThat(operation("/api/v1/me", "get").path("responses").has("400")).isFalse();
		}

		@Test
		void shouldListTheInvalidFields() {
			JsonNode schemas = OpenApiIntegrationTests.this.document.path("components").path("schemas");
			JsonNode problem = schemas.path("Problem");
			assertThat(problem.path("required")).extracting(JsonNode::asString)
				.containsExactlyInAnyOrder("type", "title", "status");
			assertThat(problem.path("properties").path("errors").path("items").path("$ref").asString())
				.isEqualTo("#/components/schemas/InvalidField");
			assertThat(schemas.path("InvalidField").path("required")).extracting(JsonNode::asString)
				.containsExactlyInAnyOrder("field", "message");
		}

		@Test
		void shouldAnswerJsonOnSuccess() {
			assertThat(operation("/api/v1/me", "get").path("responses").path("200").path("content").propertyNames())
				.containsExactly("application/json");
		}

	}

	@Nested
	class Schemas {

		@Test
		void shouldRequireWhatIsNotNullable() {
			JsonNode view = OpenApiIntegrationTests.this.document.path("components").path("schemas").path("NoteView");
			assertThat(view.path("required")).extracting(JsonNode::asString).containsExactlyInAnyOrder("id", "note");
			assertThat(view.path("properties").path("mood").path("nullable").asBoolean()).isTrue();
			JsonNode replyTo = view.path("properties").path("replyTo");
			assertThat(replyTo.path("nullable").asBoolean()).isTrue();
			assertThat(replyTo.path("allOf").get(0).path("$ref").asString()).isEqualTo("#/components/schemas/Note");
		}

		@Test
		void shouldStateTheConstraintsTheServerChecks() {
			JsonNode text = OpenApiIntegrationTests.this.document.path("components")
				.path("schemas")
				.path("Note")
				.path("properties")
				.path("text");
			assertThat(text.path("maxLength").asInt()).isEqualTo(10);
			assertThat(text.path("minLength").asInt()).isEqualTo(1);
		}

		@Test
		void shouldAnchorPatternsAndBoundParameters() {
			JsonNode parameters = operation("/api/v1/notes/{id}", "get").path("parameters");
			JsonNode limit = null;
			JsonNode tag = null;
			for (JsonNode parameter : parameters) {
				if (parameter.path("name").asString().equals("limit")) {
					limit = parameter.path("schema");
				}
				if (parameter.path("name").asString().equals("tag")) {
					tag = parameter.path("schema");
				}
			}
			assertThat(limit).isNotNull();
			assertThat(limit.path("minimum").asInt()).isEqualTo(1);
			assertThat(limit.path("maximum").asInt()).isEqualTo(50);
			assertThat(limit.path("default").asInt()).isEqualTo(10);
			assertThat(tag).isNotNull();
			assertThat(tag.path("pattern").asString()).isEqualTo("^(?:[a-z]+)$");
		}

	}

}
