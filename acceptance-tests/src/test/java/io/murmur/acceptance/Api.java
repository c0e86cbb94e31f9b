package io.murmur.acceptance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A plain HTTP client for the public API, as a mobile or web client would use it. Every
 * response of the public API is checked against the operation's OpenAPI document
 * ({@link ApiContract}).
 */
final class Api {

	static final JsonMapper json = JsonMapper.builder().build();

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String baseUrl;

	Api(String baseUrl) {
		this.baseUrl = baseUrl;
	}

	Response get(String path, String token) {
		return send("GET", path, null, token);
	}

	Response post(String path, String body, String token) {
		return send("POST", path, body, token);
	}

	Response delete(String path, String token) {
		return send("DELETE", path, null, token);
	}

	Response patch(String path, String body, String token) {
		return send("PATCH", path, body, token);
	}

	Response send(String method, String path, String body, String token) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.timeout(Duration.ofSeconds(20))
			.method(method,
					(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		if (token != null) {
			request.header("Authorization", token.contains(" ") ? token : "Bearer " + token);
		}
		try {
			HttpResponse<String> received = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			Response response = new Response(received.statusCode(), received.headers(), received.body());
			ApiContract.check(method, path, response);
			return response;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Registers a new account with a unique handle.
	 * @return the account's handle, password, id and tokens
	 */
	Account newAccount() {
		String handle = "u" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		String password = "correct horse " + UUID.randomUUID();
		Response registered = post("/api/v1/auth/register", """
				{"handle":"%s","email":"%s@example.com","password":"%s","displayName":"User %s"}
				""".formatted(handle, handle, password, handle), null);
		if (registered.status() != 201) {
			throw new IllegalStateException("Registration failed: " + registered);
		}
		Response login = post("/api/v1/auth/login", """
				{"login":"%s","password":"%s"}
				""".formatted(handle, password), null);
		if (login.status() != 200) {
			throw new IllegalStateException("Login failed: " + login);
		}
		return new Account(registered.json().get("id").asString(), handle, password,
				login.json().get("accessToken").asString(), login.json().get("refreshToken").asString());
	}

	record Account(String id, String handle, String password, String accessToken, String refreshToken) {
	}

	record Response(int status, HttpHeaders headers, String body) {

		JsonNode json() {
			return Api.json.readTree(this.body);
		}

		String contentType() {
			return this.headers.firstValue("Content-Type").orElse("");
		}

		@Override
		public String toString() {
			return this.status + " " + this.body;
		}

	}

}
