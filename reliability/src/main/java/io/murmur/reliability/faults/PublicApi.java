package io.murmur.reliability.faults;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The public API as a client uses it, through the gateway. Every call is written to the
 * {@link CallLog} under the name of its route; a call that gets no answer is an answer
 * too, with status {@link Call#NO_ANSWER}.
 */
public final class PublicApi {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(3))
		.build();

	private final URI gateway;

	private final CallLog log;

	private final Duration timeout;

	/**
	 * A client of one gateway.
	 * @param gateway the gateway's base URL
	 * @param log where every call is written
	 * @param timeout how long a client waits for an answer, longer than any route's own
	 * timeout so that the gateway's answer is what is seen
	 */
	public PublicApi(URI gateway, CallLog log, Duration timeout) {
		this.gateway = gateway;
		this.log = log;
		this.timeout = timeout;
	}

	public CallLog log() {
		return this.log;
	}

	/**
	 * Registers a new account and signs it in.
	 * @param handle a handle nobody has
	 * @return the account, or {@code null} if either step was not acknowledged
	 */
	public @Nullable Account register(String handle) {
		String password = "fault campaign " + UUID.randomUUID();
		Answer registered = send("register", "POST", "/api/v1/auth/register", Map.of("handle", handle, "email",
				handle + "@example.com", "password", password, "displayName", "Reliability " + handle), null);
		if (registered.status() != 201) {
			return null;
		}
		Answer login = send("login", "POST", "/api/v1/auth/login", Map.of("login", handle, "password", password), null);
		if (login.status() != 200) {
			return null;
		}
		return new Account(registered.text("id"), handle, login.text("accessToken"));
	}

	public Answer follow(Account who, String followee) {
		return send("follow", "POST", "/api/v1/users/" + followee + "/follow", null, who);
	}

	public Answer post(Account author, String text, List<String> mediaIds, @Nullable String replyTo) {
		Map<String, Object> body = (replyTo != null) ? Map.of("text", text, "mediaIds", mediaIds, "replyTo", replyTo)
				: Map.of("text", text, "mediaIds", mediaIds);
		return send((replyTo != null) ? "reply" : "post", "POST", "/api/v1/posts", body, author);
	}

	public Answer like(Account who, String post) {
		return send("like", "POST", "/api/v1/posts/" + post + "/like", null, who);
	}

	public Answer getPost(Account viewer, String post) {
		return send("read-post", "GET", "/api/v1/posts/" + post, null, viewer);
	}

	public Answer timeline(Account author, @Nullable String cursor, int limit) {
		return send("timeline", "GET", "/api/v1/users/" + author.id() + "/posts?limit=" + limit
				+ ((cursor != null) ? "&cursor=" + encode(cursor) : ""), null, author);
	}

	public Answer feed(Account reader, @Nullable String cursor, int limit) {
		return send("feed", "GET",
				"/api/v1/feed?limit=" + limit + ((cursor != null) ? "&cursor=" + encode(cursor) : ""), null, reader);
	}

	public Answer search(Account who, String query, int limit) {
		return send("search", "GET", "/api/v1/search/posts?sort=latest&limit=" + limit + "&q=" + encode(query), null,
				who);
	}

	public Answer notifications(Account who, @Nullable String cursor) {
		return send("notifications", "GET",
				"/api/v1/notifications?grouped=false&limit=50" + ((cursor != null) ? "&cursor=" + encode(cursor) : ""),
				null, who);
	}

	public Answer unreadCount(Account who) {
		return send("unread-count", "GET", "/api/v1/notifications/unread-count", null, who);
	}

	public Answer media(Account owner, String id) {
		return send("media-state", "GET", "/api/v1/media/" + id, null, owner);
	}

	/**
	 * Uploads an image as a multipart form, as a phone does.
	 * @param owner the uploader
	 * @param jpeg the image
	 * @return 201 when ready, 202 while processing
	 */
	public Answer upload(Account owner, byte[] jpeg) {
		String boundary = "----murmur" + UUID.randomUUID();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"photo.jpg\""
				+ "\r\nContent-Type: image/jpeg\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8));
		body.writeBytes(jpeg);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		HttpRequest request = authorized(HttpRequest.newBuilder(this.gateway.resolve("/api/v1/media")), owner)
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
			.build();
		return exchange("upload", request);
	}

	/**
	 * Downloads what a media URL points at, as a browser does: no token.
	 * @param url an absolute URL from a media object
	 * @return the answer; its body is not kept
	 */
	public Answer download(String url) {
		return exchange("media-download", HttpRequest.newBuilder(URI.create(url)).timeout(this.timeout).GET().build());
	}

	/**
	 * Opens someone's live notification stream, as a client does after a break: resuming
	 * after the last event it received.
	 * @param who whose stream
	 * @param lastEventId the id of the last event received, or {@code null} for only what
	 * arrives from now on
	 * @return the stream's lines as they arrive, or {@code null} when it did not open;
	 * either way the attempt is logged as a {@code stream} call
	 */
	public @Nullable Stream<String> notificationStream(Account who, @Nullable String lastEventId) {
		HttpRequest.Builder request = authorized(
				HttpRequest.newBuilder(this.gateway.resolve("/api/v1/notifications/stream")), who)
			.header("Accept", "text/event-stream")
			.GET();
		if (lastEventId != null) {
			request.header("Last-Event-ID", lastEventId);
		}
		long startedAt = this.log.now();
		long started = System.nanoTime();
		try {
			HttpResponse<Stream<String>> response = this.http.send(request.build(),
					HttpResponse.BodyHandlers.ofLines());
			this.log.add(new Call("stream", startedAt, (System.nanoTime() - started) / 1_000_000, response.statusCode(),
					isProblem(response)));
			if (response.statusCode() == 200) {
				return response.body();
			}
			response.body().close();
			return null;
		}
		catch (IOException ex) {
			this.log
				.add(new Call("stream", startedAt, (System.nanoTime() - started) / 1_000_000, Call.NO_ANSWER, false));
			return null;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return null;
		}
	}

	private Answer send(String route, String method, String path, @Nullable Object body, @Nullable Account who) {
		HttpRequest.Builder request = authorized(HttpRequest.newBuilder(this.gateway.resolve(path)), who);
		if (body != null) {
			request.header("Content-Type", "application/json")
				.method(method, HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
		}
		else {
			request.method(method, HttpRequest.BodyPublishers.noBody());
		}
		return exchange(route, request.build());
	}

	private HttpRequest.Builder authorized(HttpRequest.Builder request, @Nullable Account who) {
		request.timeout(this.timeout);
		if (who != null) {
			request.header("Authorization", "Bearer " + who.accessToken());
		}
		return request;
	}

	private Answer exchange(String route, HttpRequest request) {
		long startedAt = this.log.now();
		long started = System.nanoTime();
		try {
			HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			this.log.add(new Call(route, startedAt, (System.nanoTime() - started) / 1_000_000, response.statusCode(),
					isProblem(response)));
			return new Answer(response.statusCode(), response.body());
		}
		catch (IOException ex) {
			this.log.add(new Call(route, startedAt, (System.nanoTime() - started) / 1_000_000, Call.NO_ANSWER, false));
			return new Answer(Call.NO_ANSWER, "");
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return new Answer(Call.NO_ANSWER, "");
		}
	}

	private static boolean isProblem(HttpResponse<?> response) {
		return response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json");
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	/**
	 * A signed-in account.
	 *
	 * @param id the user id
	 * @param handle the handle
	 * @param accessToken a token for the public API
	 */
	public record Account(String id, String handle, String accessToken) {

		@Override
		public String toString() {
			return "@" + this.handle + " (" + this.id + ")";
		}

	}

	/**
	 * What the platform answered.
	 *
	 * @param status the HTTP status, {@link Call#NO_ANSWER} without one
	 * @param body the body as text
	 */
	public record Answer(int status, String body) {

		public boolean succeeded() {
			return this.status >= 200 && this.status < 300;
		}

		/**
		 * Whether the platform may have done it although it did not say so: no answer, or
		 * an error of its own. A 4xx is a clear no.
		 * @return {@code true} if the outcome is unknown
		 */
		public boolean unknownOutcome() {
			return this.status == Call.NO_ANSWER || this.status >= 500;
		}

		public JsonNode json() {
			return json.readTree(this.body);
		}

		String text(String field) {
			return json().get(field).asString();
		}

	}

}
