package io.murmur.support.app;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Plain HTTP calls to a service on a local port.
 */
public final class Http {

	private static final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private static final JsonMapper json = JsonMapper.builder().build();

	private final int port;

	public Http(int port) {
		this.port = port;
	}

	public Response call(String method, String path, @Nullable String token) {
		return call(method, path, token, null);
	}

	public Response call(String method, String path, @Nullable String token, @Nullable String body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.timeout(Duration.ofSeconds(30))
			.method(method,
					(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		try {
			HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
					response.headers().firstValue("WWW-Authenticate").orElse(null),
					response.headers().firstValue("Retry-After").orElse(null), response.body());
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
	 * A response.
	 *
	 * @param status the status
	 * @param contentType the content type
	 * @param wwwAuthenticate the {@code WWW-Authenticate} header
	 * @param retryAfter the {@code Retry-After} header
	 * @param body the body
	 */
	public record Response(int status, String contentType, @Nullable String wwwAuthenticate,
			@Nullable String retryAfter, String body) {

		public JsonNode json() {
			return Http.json.readTree(this.body);
		}

		/**
		 * The problem type's slug.
		 * @return the part after {@code https://murmur.example/problems/}
		 */
		public String problem() {
			return json().path("type").asString().replace("https://murmur.example/problems/", "");
		}

	}

}
