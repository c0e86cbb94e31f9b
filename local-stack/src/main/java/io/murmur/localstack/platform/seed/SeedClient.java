package io.murmur.localstack.platform.seed;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.ThreadLocalRandom;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import org.jspecify.annotations.Nullable;

/**
 * JSON over HTTP to one service, for a bulk load. A service that is busy (429 or 503) or
 * briefly unreachable is asked again after a growing pause, honouring
 * {@code Retry-After}; any other answer than the expected ones ends the seeding with a
 * message naming the request and the answer.
 */
final class SeedClient {

	private static final ObjectMapper json = new ObjectMapper();

	private static final int MAX_BODY_IN_MESSAGE = 300;

	private final HttpClient http;

	private final String name;

	private final String baseUrl;

	private final RetryPolicy retries;

	SeedClient(HttpClient http, String name, String baseUrl, RetryPolicy retries) {
		this.http = http;
		this.name = name;
		this.baseUrl = baseUrl;
		this.retries = retries;
	}

	static HttpClient newHttpClient() {
		return HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(5))
			.build();
	}

	String name() {
		return this.name;
	}

	Reply get(String path, @Nullable String token, int... expected) {
		return send(request(path, token).GET().build(), expected);
	}

	Reply post(String path, @Nullable Object body, @Nullable String token, int... expected) {
		HttpRequest.Builder request = request(path, token);
		if (body != null) {
			request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(write(body)));
		}
		else {
			request.POST(HttpRequest.BodyPublishers.noBody());
		}
		return send(request.build(), expected);
	}

	/**
	 * Posts a form with HTTP Basic credentials, as an OAuth 2.0 client asks for a token.
	 * @param path the path below the service's base URL
	 * @param form the form, already encoded
	 * @param basic the Base64 of {@code id:secret}
	 * @param expected the statuses the caller handles
	 * @return the answer
	 */
	Reply postForm(String path, String form, String basic, int... expected) {
		return send(request(path, null).header("Authorization", "Basic " + basic)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), expected);
	}

	/**
	 * Sends a request until it gets an answer other than busy.
	 * @param request the request
	 * @param expected the statuses the caller handles
	 * @return the answer, with one of the expected statuses
	 * @throws SeedException on any other answer, or when the service stays busy or
	 * unreachable
	 */
	private Reply send(HttpRequest request, int... expected) {
		String what = request.method() + " " + request.uri();
		for (int attempt = 1;; attempt++) {
			Duration pause;
			try {
				HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
				int status = response.statusCode();
				if (Arrays.stream(expected).anyMatch((accepted) -> accepted == status)) {
					return new Reply(status, parse(response.body()));
				}
				if (status != 429 && status != 503) {
					throw new SeedException(
							this.name + " refused " + what + " with " + status + ": " + shorten(response.body()));
				}
				if (attempt >= this.retries.attempts()) {
					throw new SeedException(this.name + " stayed busy (" + status + ") for " + what + " after "
							+ attempt + " attempts: " + shorten(response.body()));
				}
				Duration backOff = this.retries.pause(attempt);
				pause = response.headers().firstValue("Retry-After").map(SeedClient::seconds).orElse(backOff);
			}
			catch (IOException ex) {
				if (attempt >= this.retries.attempts()) {
					throw new SeedException(this.name + " does not answer at " + this.baseUrl + " (" + what + ": "
							+ ((ex.getMessage() != null) ? ex.getMessage() : ex.getClass().getSimpleName()) + ")");
				}
				pause = this.retries.pause(attempt);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new SeedException("Interrupted during " + what);
			}
			sleep(pause);
		}
	}

	private HttpRequest.Builder request(String path, @Nullable String token) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.timeout(Duration.ofSeconds(60))
			.header("Accept", "application/json");
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return request;
	}

	private static String write(Object body) {
		try {
			return json.writeValueAsString(body);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalArgumentException("Cannot write " + body + " as JSON", ex);
		}
	}

	private static JsonNode parse(String body) {
		if (body.isBlank()) {
			return MissingNode.getInstance();
		}
		try {
			return json.readTree(body);
		}
		catch (IOException ex) {
			return MissingNode.getInstance();
		}
	}

	private static Duration seconds(String retryAfter) {
		try {
			return Duration.ofSeconds(Math.clamp(Long.parseLong(retryAfter.strip()), 1, 60));
		}
		catch (NumberFormatException ex) {
			return Duration.ofSeconds(1);
		}
	}

	private static String shorten(String body) {
		String text = body.strip().replaceAll("\\s+", " ");
		if (text.isEmpty()) {
			return "(no body)";
		}
		return (text.length() > MAX_BODY_IN_MESSAGE) ? text.substring(0, MAX_BODY_IN_MESSAGE) + "..." : text;
	}

	private static void sleep(Duration pause) {
		try {
			Thread.sleep(pause);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new SeedException("Interrupted while waiting to retry");
		}
	}

	/**
	 * A service's answer.
	 *
	 * @param status the HTTP status
	 * @param body the JSON body, a missing node if there was none
	 */
	record Reply(int status, JsonNode body) {

		String text(String field) {
			JsonNode value = this.body.path(field);
			if (!value.isValueNode() || value.isNull()) {
				throw new SeedException("Expected a '" + field + "' in the answer, found " + this.body);
			}
			return value.asText();
		}

	}

	/**
	 * How often, and after which pauses, a busy or unreachable service is asked again:
	 * the pause doubles from {@code first} up to {@code longest}, with some jitter so
	 * that concurrent requests do not come back all at once.
	 *
	 * @param attempts the attempts in all, the first included
	 * @param first the pause after the first attempt
	 * @param longest the longest pause
	 */
	record RetryPolicy(int attempts, Duration first, Duration longest) {

		static final RetryPolicy DEFAULT = new RetryPolicy(10, Duration.ofMillis(250), Duration.ofSeconds(10));

		Duration pause(int attempt) {
			long millis = Math.min(this.longest.toMillis(), this.first.toMillis() << Math.min(attempt - 1, 20));
			return Duration.ofMillis(millis / 2 + ThreadLocalRandom.current().nextLong(millis / 2 + 1));
		}

	}

}
