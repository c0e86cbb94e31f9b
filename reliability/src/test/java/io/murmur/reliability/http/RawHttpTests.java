package io.murmur.reliability.http;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link RawHttp} against a server that writes raw bytes.
 */
class RawHttpTests {

	@Test
	void shouldAnswerAnEventStreamWithItsHeadInsteadOfWaitingForItToEnd() throws Exception {
		CountDownLatch done = new CountDownLatch(1);
		try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			Thread.ofVirtual().start(() -> {
				try (Socket client = server.accept()) {
					OutputStream out = client.getOutputStream();
					out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n"
							+ "Transfer-Encoding: chunked\r\n\r\n")
						.getBytes(StandardCharsets.ISO_8859_1));
					out.flush();
					done.await(30, TimeUnit.SECONDS);
				}
				catch (IOException | InterruptedException ex) {
					// the test is over
				}
			});
			long started = System.nanoTime();
			RawResponse response = new RawHttp("http://127.0.0.1:" + server.getLocalPort(), Duration.ofSeconds(20))
				.send(RawRequest.json("GET", "/api/v1/notifications/stream", null, "a stream"));
			assertThat(response.status()).isEqualTo(200);
			assertThat(response.header("content-type")).isEqualTo("text/event-stream");
			assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
		}
		finally {
			done.countDown();
		}
	}

	@Test
	void shouldReadAResponseToItsEnd() throws Exception {
		try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			Thread.ofVirtual().start(() -> {
				try (Socket client = server.accept()) {
					client.getOutputStream()
						.write(("HTTP/1.1 400 Bad Request\r\nContent-Type: application/problem+json\r\n\r\n"
								+ "{\"status\":400}")
							.getBytes(StandardCharsets.ISO_8859_1));
				}
				catch (IOException ex) {
					// the test fails on what it read
				}
			});
			RawResponse response = new RawHttp("http://127.0.0.1:" + server.getLocalPort(), Duration.ofSeconds(5))
				.send(RawRequest.json("POST", "/api/v1/posts", "{}", "a post"));
			assertThat(response.status()).isEqualTo(400);
			assertThat(response.body()).isEqualTo("{\"status\":400}");
		}
	}

}
