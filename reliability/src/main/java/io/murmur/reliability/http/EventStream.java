package io.murmur.reliability.http;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A client of a server-sent event stream, as a browser's {@code EventSource} reads it:
 * events with their id, name and data (several {@code data:} lines joined by a newline),
 * and comments, collected as they arrive on a virtual thread of its own.
 */
public final class EventStream implements AutoCloseable {

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final List<Event> events = new CopyOnWriteArrayList<>();

	private final AtomicInteger comments = new AtomicInteger();

	private final AtomicBoolean ended = new AtomicBoolean();

	private final int status;

	private final Map<String, List<String>> headers;

	private final InputStream body;

	private final Consumer<Event> listener;

	private EventStream(HttpResponse<InputStream> response, Consumer<Event> listener) {
		this.status = response.statusCode();
		this.headers = response.headers().map();
		this.body = response.body();
		this.listener = listener;
		Thread.ofVirtual().name("event-stream").start(this::read);
	}

	/**
	 * Opens a stream.
	 * @param url the stream's URL
	 * @param token the access token
	 * @param lastEventId the {@code Last-Event-ID} to resume after, or {@code null}
	 * @return the stream, reading in the background
	 */
	public static EventStream open(String url, String token, @Nullable String lastEventId) {
		return open(url, token, lastEventId, (event) -> {
		});
	}

	/**
	 * Opens a stream and hands every event to a listener as it arrives, on the stream's
	 * reading thread.
	 * @param url the stream's URL
	 * @param token the access token
	 * @param lastEventId the {@code Last-Event-ID} to resume after, or {@code null}
	 * @param listener told of each event once it is complete
	 * @return the stream, reading in the background
	 */
	public static EventStream open(String url, String token, @Nullable String lastEventId, Consumer<Event> listener) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
			.header("Accept", "text/event-stream")
			.header("Authorization", "Bearer " + token)
			.GET();
		if (lastEventId != null) {
			request.header("Last-Event-ID", lastEventId);
		}
		try {
			return new EventStream(http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream()), listener);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not open the stream " + url, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	public int status() {
		return this.status;
	}

	public @Nullable String header(String name) {
		return this.headers.entrySet()
			.stream()
			.filter((header) -> header.getKey().equalsIgnoreCase(name))
			.findFirst()
			.map((header) -> header.getValue().get(0))
			.orElse(null);
	}

	/**
	 * Every event received so far.
	 * @return the events, oldest first
	 */
	public List<Event> events() {
		return List.copyOf(this.events);
	}

	/**
	 * The {@code notification} events received so far.
	 * @return the events, oldest first
	 */
	public List<Event> notifications() {
		return this.events.stream().filter((event) -> event.name().equals("notification")).toList();
	}

	/**
	 * The count of the last {@code unread} event.
	 * @return the count, or -1 before any
	 */
	public long lastUnread() {
		List<Event> unread = this.events.stream().filter((event) -> event.name().equals("unread")).toList();
		return unread.isEmpty() ? -1 : unread.get(unread.size() - 1).json().get("count").asLong();
	}

	/**
	 * How many comments (heartbeats) arrived.
	 * @return the count
	 */
	public int comments() {
		return this.comments.get();
	}

	/**
	 * Whether the server ended the stream.
	 * @return {@code true} once it did
	 */
	public boolean ended() {
		return this.ended.get();
	}

	@Override
	public void close() {
		try {
			this.body.close();
		}
		catch (IOException ex) {
			// closing a dropped connection
		}
	}

	private void read() {
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(this.body, StandardCharsets.UTF_8))) {
			String id = null;
			String name = "message";
			StringBuilder data = new StringBuilder();
			String line;
			while ((line = reader.readLine()) != null) {
				if (line.isEmpty()) {
					if (!data.isEmpty()) {
						Event event = new Event(id, name, data.toString());
						this.events.add(event);
						this.listener.accept(event);
					}
					id = null;
					name = "message";
					data.setLength(0);
				}
				else if (line.startsWith(":")) {
					this.comments.incrementAndGet();
				}
				else if (line.startsWith("id:")) {
					id = line.substring(3).strip();
				}
				else if (line.startsWith("event:")) {
					name = line.substring(6).strip();
				}
				else if (line.startsWith("data:")) {
					if (!data.isEmpty()) {
						data.append('\n');
					}
					data.append(line.substring(5).strip());
				}
			}
			this.ended.set(true);
		}
		catch (IOException ex) {
			// closed by its user, or the connection dropped
		}
	}

	/**
	 * One event.
	 *
	 * @param id its id, if it had one
	 * @param name its name
	 * @param data its data
	 */
	public record Event(@Nullable String id, String name, String data) {

		/**
		 * The data read as JSON.
		 * @return the JSON
		 */
		public JsonNode json() {
			return json.readTree(this.data);
		}

	}

}
