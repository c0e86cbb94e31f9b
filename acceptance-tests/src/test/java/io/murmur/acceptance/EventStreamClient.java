package io.murmur.acceptance;

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
import java.util.concurrent.CopyOnWriteArrayList;

import tools.jackson.databind.JsonNode;

/**
 * A client of a server-sent event stream, reading as a browser's {@code EventSource}
 * does: each event's id, name and data, collected as they arrive.
 */
final class EventStreamClient implements AutoCloseable {

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final List<Event> events = new CopyOnWriteArrayList<>();

	private final int status;

	private final InputStream body;

	private EventStreamClient(HttpResponse<InputStream> response) {
		this.status = response.statusCode();
		this.body = response.body();
		Thread.ofVirtual().start(this::read);
	}

	/**
	 * Opens the notification stream through a gateway.
	 * @param gatewayUrl the gateway
	 * @param token the user's access token
	 * @param lastEventId the id to resume after, or {@code null}
	 * @return the stream, read in the background
	 */
	static EventStreamClient open(String gatewayUrl, String token, String lastEventId) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gatewayUrl + "/api/v1/notifications/stream"))
			.header("Accept", "text/event-stream")
			.header("Authorization", "Bearer " + token);
		if (lastEventId != null) {
			request.header("Last-Event-ID", lastEventId);
		}
		try {
			return new EventStreamClient(http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream()));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	int status() {
		return this.status;
	}

	List<Event> notifications() {
		return this.events.stream().filter((event) -> event.name().equals("notification")).toList();
	}

	/** The last unread count the stream sent, -1 before any. */
	long unread() {
		List<Event> unread = this.events.stream().filter((event) -> event.name().equals("unread")).toList();
		return unread.isEmpty() ? -1 : unread.get(unread.size() - 1).json().get("count").asLong();
	}

	@Override
	public void close() {
		try {
			this.body.close();
		}
		catch (IOException ex) {
			// the connection is gone already
		}
	}

	private void read() {
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(this.body, StandardCharsets.UTF_8))) {
			String id = null;
			String name = "message";
			String data = null;
			String line;
			while ((line = reader.readLine()) != null) {
				if (line.isEmpty()) {
					if (data != null) {
						this.events.add(new Event(id, name, data));
					}
					id = null;
					name = "message";
					data = null;
				}
				else if (line.startsWith("id:")) {
					id = line.substring(3).strip();
				}
				else if (line.startsWith("event:")) {
					name = line.substring(6).strip();
				}
				else if (line.startsWith("data:")) {
					data = line.substring(5).strip();
				}
			}
		}
		catch (IOException ex) {
			// closed by the test
		}
	}

	/**
	 * One event.
	 *
	 * @param id its id
	 * @param name its name
	 * @param data its data
	 */
	record Event(String id, String name, String data) {

		JsonNode json() {
			return Api.json.readTree(this.data);
		}

	}

}
