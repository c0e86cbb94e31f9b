package io.murmur.support.app;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

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
		return send(method, path, token, "application/json", body);
	}

	public Response send(String method, String path, @Nullable String token, String contentType,
			@Nullable String body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.timeout(Duration.ofSeconds(30))
			.method(method,
					(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		if (body != null) {
			request.header("Content-Type", contentType);
		}
		try {
			HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
					response.headers().firstValue("WWW-Authenticate").orElse(null),
					response.headers().firstValue("Retry-After").orElse(null), response.body(),
					response.headers().map());
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
	 * Sends a request line exactly as given, for targets a URI cannot hold (a malformed
	 * escape), and reads the whole response; the connection is closed after it.
	 * @param method the method
	 * @param target the request target, sent as it is
	 * @param token an access token, or {@code null}
	 * @return the status and the body
	 */
	public Response raw(String method, String target, @Nullable String token) {
		try (Socket socket = new Socket("127.0.0.1", this.port)) {
			socket.setSoTimeout(30_000);
			String request = method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
					+ ((token != null) ? "Authorization: Bearer " + token + "\r\n" : "") + "\r\n";
			socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
			String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			int headersEnd = response.indexOf("\r\n\r\n");
			String head = response.substring(0, headersEnd);
			String body = response.substring(headersEnd + 4);
			Map<String, List<String>> headers = new java.util.LinkedHashMap<>();
			String[] lines = head.split("\r\n");
			for (int i = 1; i < lines.length; i++) {
				int colon = lines[i].indexOf(':');
				headers.computeIfAbsent(lines[i].substring(0, colon).trim(), (name) -> new java.util.ArrayList<>())
					.add(lines[i].substring(colon + 1).trim());
			}
			if (headers.getOrDefault("Transfer-Encoding", List.of()).contains("chunked")) {
				body = dechunk(body);
			}
			Response parsed = new Response(Integer.parseInt(lines[0].split(" ")[1]), "", null, null, body, headers);
			return new Response(parsed.status(),
					(parsed.header("Content-Type") != null) ? parsed.header("Content-Type") : "", null, null, body,
					headers);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String dechunk(String chunked) {
		StringBuilder body = new StringBuilder();
		int at = 0;
		while (true) {
			int lineEnd = chunked.indexOf("\r\n", at);
			int size = Integer.parseInt(chunked.substring(at, lineEnd).trim(), 16);
			if (size == 0) {
				return body.toString();
			}
			body.append(chunked, lineEnd + 2, lineEnd + 2 + size);
			at = lineEnd + 2 + size + 2;
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
	 * @param headers every header
	 */
	public record Response(int status, String contentType, @Nullable String wwwAuthenticate,
			@Nullable String retryAfter, String body, Map<String, List<String>> headers) {

		/**
		 * One header.
		 * @param name its name, in any case
		 * @return its first value, or {@code null} without one
		 */
		public @Nullable String header(String name) {
			return this.headers.entrySet()
				.stream()
				.filter((entry) -> entry.getKey().equalsIgnoreCase(name) && !entry.getValue().isEmpty())
				.map((entry) -> entry.getValue().get(0))
				.findFirst()
				.orElse(null);
		}

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
