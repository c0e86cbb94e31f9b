package io.murmur.reliability.http;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A request as it goes on the wire: the request target is sent exactly as given, so that
 * it can hold what a {@link java.net.URI} refuses (a malformed escape, a raw control
 * character), and the body is raw bytes.
 *
 * @param method the method, sent as it is
 * @param target the request target, sent as it is
 * @param headers the headers besides {@code Host}, {@code Connection} and
 * {@code Content-Length}, which are added
 * @param body the body, or {@code null} for none
 * @param description what is wrong with the request, for a report
 */
public record RawRequest(String method, String target, Map<String, String> headers, byte @Nullable [] body,
		String description) {

	public RawRequest {
		headers = new LinkedHashMap<>(headers);
	}

	/**
	 * A request with a JSON body, or without a body.
	 * @param method the method
	 * @param target the target
	 * @param json the JSON text, or {@code null}
	 * @param description what is wrong with it
	 * @return the request
	 */
	public static RawRequest json(String method, String target, @Nullable String json, String description) {
		Map<String, String> headers = new LinkedHashMap<>();
		if (json != null) {
			headers.put("Content-Type", "application/json");
		}
		return new RawRequest(method, target, headers, (json != null) ? json.getBytes(StandardCharsets.UTF_8) : null,
				description);
	}

	/**
	 * The same request with one more header (or another value of it).
	 * @param name the header
	 * @param value its value
	 * @return the request
	 */
	public RawRequest withHeader(String name, String value) {
		Map<String, String> headers = new LinkedHashMap<>(this.headers);
		headers.put(name, value);
		return new RawRequest(this.method, this.target, headers, this.body, this.description);
	}

	/**
	 * The same request with the access token.
	 * @param token the token, or {@code null} for none
	 * @return the request
	 */
	public RawRequest withToken(@Nullable String token) {
		return (token != null) ? withHeader("Authorization", "Bearer " + token) : this;
	}

	@Override
	public String toString() {
		String shown = (this.body != null) ? new String(this.body, StandardCharsets.UTF_8) : "";
		if (shown.length() > 200) {
			shown = shown.substring(0, 200) + "... (" + this.body.length + " bytes)";
		}
		return this.method + " " + shorten(this.target) + " " + this.headers.keySet() + " [" + shorten(this.description)
				+ "] " + shown;
	}

	private static String shorten(String text) {
		return (text.length() > 200) ? text.substring(0, 200) + "... (" + text.length() + " chars)" : text;
	}

}
