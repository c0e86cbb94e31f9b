package io.murmur.support.standin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import org.jspecify.annotations.Nullable;

/**
 * The HTTP server of a test's stand-in for another service: on a free loopback port, one
 * handler for every path, a virtual thread per request. The stand-in decides what to
 * answer; this only serves it.
 */
public final class StandInServer implements AutoCloseable {

	private final HttpServer server;

	private StandInServer(HttpServer server) {
		this.server = server;
	}

	/**
	 * Starts a server, to be closed by the test that started it.
	 * @param handler answers every request
	 * @return the started server
	 */
	public static StandInServer start(HttpHandler handler) {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
			server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
			server.createContext("/", handler);
			server.start();
			return new StandInServer(server);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Starts a server that stays up until the JVM exits, for a stand-in that every test
	 * of a run shares.
	 * @param handler answers every request
	 * @return the started server
	 */
	public static StandInServer startForTheRun(HttpHandler handler) {
		StandInServer started = start(handler);
		Runtime.getRuntime().addShutdownHook(new Thread(started::close));
		return started;
	}

	/**
	 * Where the server answers.
	 * @return its base URL, {@code http://127.0.0.1:port}
	 */
	public String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	/**
	 * Answers with a JSON body, typed as a problem from status 400 on, as the services'
	 * errors are.
	 * @param exchange the request
	 * @param status the status
	 * @param json the body, or {@code null} for none
	 * @throws IOException when the client is gone
	 */
	public static void send(HttpExchange exchange, int status, @Nullable String json) throws IOException {
		send(exchange, status, json, (status >= 400) ? "application/problem+json" : "application/json");
	}

	/**
	 * Answers with a body of the given type.
	 * @param exchange the request
	 * @param status the status
	 * @param body the body, or {@code null} for none
	 * @param contentType its type
	 * @throws IOException when the client is gone
	 */
	public static void send(HttpExchange exchange, int status, @Nullable String body, String contentType)
			throws IOException {
		if (body == null) {
			exchange.sendResponseHeaders(status, -1);
			exchange.close();
			return;
		}
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", contentType);
		exchange.sendResponseHeaders(status, bytes.length);
		exchange.getResponseBody().write(bytes);
		exchange.close();
	}

}
