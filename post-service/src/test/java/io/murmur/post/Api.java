package io.murmur.post;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A client of the running service, as users with tokens call it.
 */
final class Api {

	private static final AtomicLong nextUser = new AtomicLong(System.currentTimeMillis() * 1000);

	private static final JsonMapper json = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final int port;

	Api(int port) {
		this.port = port;
	}

	static long newUser() {
		return nextUser.incrementAndGet();
	}

	static String token(long userId) {
		return StubUserService.INSTANCE.tokens.user(userId);
	}

	Response call(String method, String path, @Nullable String token, @Nullable String body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
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
			HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
					response.headers().firstValue("Location").orElse(null), response.body());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	Response call(String method, String path, long userId, @Nullable String body) {
		return call(method, path, token(userId), body);
	}

	Response get(String path, long userId) {
		return call("GET", path, userId, null);
	}

	Response post(String path, long userId, @Nullable String body) {
		return call("POST", path, userId, body);
	}

	Response delete(String path, long userId) {
		return call("DELETE", path, userId, null);
	}

	/**
	 * Publishes a post and returns it, failing unless it was created.
	 */
	JsonNode create(long userId, String body) {
		Response response = post("/api/v1/posts", userId, body);
		if (response.status() != 201) {
			throw new AssertionError("Expected 201 but got " + response.status() + ": " + response.body());
		}
		return response.json();
	}

	static String text(String text) {
		return json.writeValueAsString(java.util.Map.of("text", text));
	}

	record Response(int status, String contentType, @Nullable String location, String body) {

		JsonNode json() {
			return json.readTree(this.body);
		}

	}

}
