package io.murmur.gateway;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;

import io.murmur.support.standin.StandInServer;

/**
 * A stand-in for notification-service's stream: every request opens a server-sent event
 * stream that stays open, with a comment every 200 ms by which it notices a client that
 * left, and a test writes events into the open streams of a token.
 */
final class StreamingService implements AutoCloseable {

	private final StandInServer server;

	private final List<Connection> connections = new CopyOnWriteArrayList<>();

	StreamingService() {
		this.server = StandInServer.start(this::handle);
	}

	String url() {
		return this.server.url();
	}

	/**
	 * The streams open now for one access token, with the headers each was opened with.
	 * @param token the token
	 * @return the streams
	 */
	List<Connection> open(String token) {
		return this.connections.stream()
			.filter((connection) -> !connection.closed()
					&& ("Bearer " + token).equals(connection.headers().getFirst("Authorization")))
			.toList();
	}

	/**
	 * Writes an event into every open stream of one access token and flushes it.
	 * @param token the token
	 * @param id the event id
	 * @param data the data
	 */
	void send(String token, String id, String data) {
		for (Connection connection : open(token)) {
			connection.write("id: " + id + "\nevent: notification\ndata: " + data + "\n\n");
		}
	}

	@Override
	public void close() {
		this.connections.forEach(Connection::end);
		this.server.close();
	}

	private void handle(HttpExchange exchange) throws IOException {
		exchange.getRequestBody().readAllBytes();
		exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
		exchange.sendResponseHeaders(200, 0);
		Connection connection = new Connection(exchange.getRequestHeaders(), exchange.getResponseBody());
		this.connections.add(connection);
		connection.write(": open\n\n");
		try {
			while (!connection.ended.await(200, TimeUnit.MILLISECONDS)) {
				connection.write(": ping\n\n");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		exchange.close();
	}

	/**
	 * One open stream.
	 */
	static final class Connection {

		private final Headers headers;

		private final OutputStream out;

		private final CountDownLatch ended = new CountDownLatch(1);

		private volatile boolean closed;

		Connection(Headers headers, OutputStream out) {
			this.headers = headers;
			this.out = out;
		}

		Headers headers() {
			return this.headers;
		}

		boolean closed() {
			return this.closed;
		}

		synchronized void write(String text) {
			try {
				this.out.write(text.getBytes(StandardCharsets.UTF_8));
				this.out.flush();
			}
			catch (IOException ex) {
				this.closed = true;
				this.ended.countDown();
			}
		}

		void end() {
			this.closed = true;
			this.ended.countDown();
		}

	}

}
