package io.murmur.benchmarks.reference;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import io.murmur.localstack.LocalStack;
import io.murmur.localstack.process.FreePorts;
import io.murmur.localstack.process.ManagedProcess;

/**
 * An nginx of the benchmark's own, from the Debian package, with its own prefix directory
 * and configuration, in the foreground, tracked by local-stack's watchdog so it never
 * outlives the run. It plays either the upstream every target ends at (a fixed JSON
 * answer, so the upstream costs the same and next to nothing for every path), or the
 * reference reverse proxy in front of that upstream.
 */
final class Nginx implements AutoCloseable {

	static final String UPSTREAM_BODY = "{\"items\":[],\"nextCursor\":null}";

	private final ManagedProcess process;

	private final URI url;

	private Nginx(ManagedProcess process, URI url) {
		this.process = process;
		this.url = url;
	}

	/**
	 * Starts an nginx that answers every request with 200 and {@link #UPSTREAM_BODY}.
	 * @param stack the stack that tracks the process
	 * @param dir its own directory
	 * @return the running nginx
	 */
	static Nginx upstream(LocalStack stack, Path dir) {
		int port = FreePorts.next();
		String server = """
				  server {
				    listen 127.0.0.1:%d backlog=4096;
				    location / {
				      default_type application/json;
				      return 200 '%s';
				    }
				  }
				""".formatted(port, UPSTREAM_BODY);
		return start(stack, dir, "nginx-upstream", 1, port, server);
	}

	/**
	 * Starts an nginx that proxies everything to {@code upstream} over kept-alive
	 * connections, as a plain reverse proxy in front of a service would.
	 * @param stack the stack that tracks the process
	 * @param dir its own directory
	 * @param upstream the upstream's base URL
	 * @return the running nginx
	 */
	static Nginx proxy(LocalStack stack, Path dir, URI upstream) {
		int port = FreePorts.next();
		String server = """
				  upstream murmur_upstream {
				    server %s:%d;
				    keepalive 64;
				  }
				  server {
				    listen 127.0.0.1:%d backlog=4096;
				    location / {
				      proxy_pass http://murmur_upstream;
				      proxy_http_version 1.1;
				      proxy_set_header Connection "";
				      proxy_set_header Host $host;
				      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
				    }
				  }
				""".formatted(upstream.getHost(), upstream.getPort(), port);
		return start(stack, dir, "nginx-proxy", 0, port, server);
	}

	URI url() {
		return this.url;
	}

	@Override
	public void close() {
		this.process.stop(Duration.ofSeconds(5));
	}

	private static Nginx start(LocalStack stack, Path dir, String name, int workers, int port, String server) {
		try {
			Files.createDirectories(dir.resolve("logs"));
			Files.createDirectories(dir.resolve("tmp"));
			String config = """
					daemon off;
					worker_processes %s;
					pid %s;
					error_log stderr warn;
					events { worker_connections 4096; }
					http {
					  access_log off;
					  keepalive_requests 100000;
					  client_body_temp_path %s;
					  proxy_temp_path %s;
					  fastcgi_temp_path %s;
					  uwsgi_temp_path %s;
					  scgi_temp_path %s;
					%s}
					""".formatted((workers > 0) ? Integer.toString(workers) : "auto", dir.resolve("nginx.pid"),
					dir.resolve("tmp"), dir.resolve("tmp"), dir.resolve("tmp"), dir.resolve("tmp"), dir.resolve("tmp"),
					server);
			Path file = Files.writeString(dir.resolve("nginx.conf"), config);
			ProcessBuilder builder = new ProcessBuilder("nginx", "-p", dir.toString(), "-c", file.toString(), "-e",
					"stderr")
				.directory(dir.toFile());
			ManagedProcess process = stack.launch(name, builder, dir.resolve(name + ".log"));
			URI url = URI.create("http://127.0.0.1:" + port);
			process.awaitReady(Duration.ofSeconds(20), () -> answers(url));
			return new Nginx(process, url);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static boolean answers(URI url) {
		try (HttpClient http = HttpClient.newHttpClient()) {
			HttpRequest request = HttpRequest.newBuilder(url.resolve("/api/v1/feed"))
				.timeout(Duration.ofSeconds(2))
				.build();
			return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

}
