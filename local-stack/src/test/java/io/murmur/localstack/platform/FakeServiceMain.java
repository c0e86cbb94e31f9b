package io.murmur.localstack.platform;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for a Spring Boot service, run from a jar with {@code java -jar}: it listens
 * on {@code --server.port}, answers its readiness endpoint on
 * {@code --management.server.port} and shows the arguments it was given and its
 * {@code SPRING_APPLICATION_JSON}. It says so when it shuts down cleanly, which a killed
 * process cannot. Uses the JDK only, so the jar holds this one class.
 */
public final class FakeServiceMain {

	private FakeServiceMain() {
	}

	public static void main(String[] args) throws IOException {
		int port = 0;
		int managementPort = 0;
		for (String arg : args) {
			if (arg.startsWith("--server.port=")) {
				port = Integer.parseInt(arg.substring("--server.port=".length()));
			}
			if (arg.startsWith("--management.server.port=")) {
				managementPort = Integer.parseInt(arg.substring("--management.server.port=".length()));
			}
		}
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
		HttpServer management = HttpServer.create(new InetSocketAddress("127.0.0.1", managementPort), 0);
		management.createContext("/actuator/health/readiness", (exchange) -> {
			byte[] body = "{\"status\":\"UP\"}".getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(200, body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		});
		server.createContext("/args", (exchange) -> {
			byte[] body = String.join("\n", args).getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(200, body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		});
		server.createContext("/spring-application-json", (exchange) -> {
			String json = System.getenv("SPRING_APPLICATION_JSON");
			byte[] body = ((json != null) ? json : "").getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(200, body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		});
		Runtime.getRuntime()
			.addShutdownHook(new Thread(() -> System.out.println("fake service shutting down"), "shutdown"));
		server.start();
		management.start();
		System.out.println("fake service listening on " + port);
	}

}
