package io.murmur.notification.config;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import io.murmur.notification.NotificationServiceTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document the gateway shows: every operation named for a generated client,
 * tagged, summarised, with its problems as {@code application/problem+json} and bearer
 * security.
 */
class ApiDocumentIntegrationTests extends NotificationServiceTest {

	@Test
	void shouldNameTagAndDescribeEveryOperation() {
		JsonNode document = api.send("GET", "/v3/api-docs", null, null).json();

		assertThat(document.get("info").get("title").asString()).isEqualTo("Murmur notifications API");
		assertThat(document.get("security").get(0).has("bearer")).isTrue();
		List<String> operationIds = new ArrayList<>();
		document.get("paths").forEach((path) -> path.forEach((operation) -> {
			operationIds.add(operation.path("operationId").asString());
			assertThat(operation.path("tags").path(0).asString()).isEqualTo("notifications");
			assertThat(operation.path("summary").asString()).isNotBlank();
			operation.get("responses").properties().forEach((response) -> {
				if (response.getKey().startsWith("4")) {
					assertThat(response.getValue().get("content").has("application/problem+json"))
						.as(operation.get("operationId").asString() + " " + response.getKey())
						.isTrue();
				}
			});
			assertThat(operation.get("responses").get("401").get("content").has("application/problem+json")).isTrue();
		}));
		assertThat(operationIds).containsExactlyInAnyOrder("listNotifications", "getUnreadNotificationCount",
				"markNotificationsRead", "streamNotifications", "registerWebhook", "getWebhook", "deleteWebhook",
				"getNotificationPreferences", "setNotificationPreferences");
		JsonNode stream = document.get("paths").get("/api/v1/notifications/stream").get("get");
		assertThat(stream.get("responses").get("200").get("content").has("text/event-stream")).isTrue();
		JsonNode webhook = document.get("paths").get("/api/v1/notifications/push");
		assertThat(webhook.get("get").get("responses").get("200").get("content").has("application/json")).isTrue();
		assertThat(webhook.get("delete").get("responses").has("204")).isTrue();
		JsonNode list = document.get("paths").get("/api/v1/notifications").get("get");
		assertThat(list.get("parameters")).anySatisfy((parameter) -> {
			assertThat(parameter.get("name").asString()).isEqualTo("limit");
			assertThat(parameter.get("schema").get("maximum").asInt()).isEqualTo(50);
			assertThat(parameter.get("schema").get("default").asInt()).isEqualTo(20);
		});
	}

}
