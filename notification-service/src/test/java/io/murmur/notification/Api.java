package io.murmur.notification;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Plain HTTP calls to the service under test, as a client makes them.
 */
public final class Api {

	static final JsonMapper json = JsonMapper.builder().build();

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String baseUrl;

	public Api(String baseUrl) {
		this.baseUrl = baseUrl;
	}

	public String baseUrl() {
		return this.baseUrl;
	}

	public Response get(String path, String token) {
		return send("GET", path, null, token);
	}

	public Response post(String path, @Nullable String body, String token) {
		return send("POST", path, body, token);
	}

	public Response put(String path, String body, String token) {
		return send("PUT", path, body, token);
	}

	public Response delete(String path, String token) {
		return send("DELETE", path, null, token);
	}

	public Response send(String method, String path, @Nullable String body, @Nullable String token) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.timeout(Duration.ofSeconds(30))
			.method(method,
					(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		try {
			HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
					response.body());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The items of a user's first page.
	 * @param query the query string, such as {@code grouped=false}
	 * @param token the user's token
	 * @return the items
	 */
	public List<JsonNode> items(String query, String token) {
		Response page = get("/api/v1/notifications?" + query, token);
		if (page.status() != 200) {
			throw new IllegalStateException("Listing failed: " + page);
		}
		List<JsonNode> items = new ArrayList<>();
		page.json().get("items").forEach(items::add);
		return items;
	}

	/**
	 * A user's unread count.
	 * @param token the user's token
	 * @return the count
	 */
	public long unread(String token) {
		return get("/api/v1/notifications/unread-count", token).json().get("count").asLong();
	}

	/**
	 * A response.
	 *
	 * @param status the status
	 * @param contentType its content type
	 * @param body its body
	 */
	public record Response(int status, String contentType, String body) {

		public JsonNode json() {
			return json.readTree(this.body);
		}

		@Override
		public String toString() {
			return this.status + " " + this.body;
		}

	}

}
