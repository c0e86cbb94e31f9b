package io.murmur.benchmarks.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON over HTTP for the run's own calls (loading, signing in, probes), outside the load
 * tool: one shared client, a bearer token when given, and a clear failure naming the call
 * when the answer is not the expected status.
 */
public final class Http {

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final HttpClient client = HttpClient.newBuilder()
		.connectTimeout(Duration.ofSeconds(5))
		.version(HttpClient.Version.HTTP_1_1)
		.build();

	private Http() {
	}

	/**
	 * Posts a JSON body.
	 * @param uri where to
	 * @param body the body, written as JSON
	 * @param bearer an access token, or {@code null}
	 * @param expectedStatus the status that means success
	 * @return the answer's JSON
	 */
	public static JsonNode post(URI uri, Object body, @Nullable String bearer, int expectedStatus) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
		return send(request, bearer, expectedStatus);
	}

	/**
	 * Gets a JSON document.
	 * @param uri what
	 * @param bearer an access token, or {@code null}
	 * @param expectedStatus the status that means success
	 * @return the answer's JSON
	 */
	public static JsonNode get(URI uri, @Nullable String bearer, int expectedStatus) {
		return send(HttpRequest.newBuilder(uri).GET(), bearer, expectedStatus);
	}

	/**
	 * Deletes something.
	 * @param uri what
	 * @param bearer an access token, or {@code null}
	 * @param expectedStatus the status that means success
	 */
	public static void delete(URI uri, @Nullable String bearer, int expectedStatus) {
		send(HttpRequest.newBuilder(uri).DELETE(), bearer, expectedStatus);
	}

	/**
	 * Gets a JSON document that must answer 200, asking again (up to five times, a second
	 * apart) while the answer is a 503: a setup or check step of a run must not fail
	 * because a busy service shed a request. Load tests never retry.
	 * @param uri what
	 * @param bearer an access token
	 * @return the answer's JSON
	 */
	public static JsonNode getRetrying(URI uri, String bearer) {
		for (int attempt = 1;; attempt++) {
			try {
				return get(uri, bearer, 200);
			}
			catch (IllegalStateException ex) {
				if (attempt == 5 || !ex.getMessage().contains(" answered 503")) {
					throw ex;
				}
				try {
					Thread.sleep(1000);
				}
				catch (InterruptedException interrupted) {
					Thread.currentThread().interrupt();
					throw new IllegalStateException("Interrupted", interrupted);
				}
			}
		}
	}

	static JsonNode send(HttpRequest.Builder request, @Nullable String bearer, int expectedStatus) {
		request.timeout(Duration.ofSeconds(60)).header("Accept", "application/json");
		if (bearer != null) {
			request.header("Authorization", "Bearer " + bearer);
		}
		HttpRequest built = request.build();
		try {
			HttpResponse<String> response = client.send(built, HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != expectedStatus) {
				throw new IllegalStateException(built.method() + " " + built.uri() + " answered "
						+ response.statusCode() + ": " + abbreviate(response.body()));
			}
			return response.body().isEmpty() ? json.nullNode() : json.readTree(response.body());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(built.method() + " " + built.uri(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted", ex);
		}
	}

	private static String abbreviate(String body) {
		return (body.length() > 500) ? body.substring(0, 500) + "…" : body;
	}

}
