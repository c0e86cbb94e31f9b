package io.murmur.reliability.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * HTTP/1.1 over a plain socket, one connection per request: what a hostile client sends,
 * byte for byte, which no ordinary client lets through.
 */
public final class RawHttp {

	private final String host;

	private final int port;

	private final Duration timeout;

	private final @Nullable String localAddress;

	/**
	 * A client of one server.
	 * @param baseUrl the server, {@code http://host:port}
	 * @param timeout how long to wait for a response
	 */
	public RawHttp(String baseUrl, Duration timeout) {
		this(baseUrl, timeout, null);
	}

	private RawHttp(String baseUrl, Duration timeout, @Nullable String localAddress) {
		URI uri = URI.create(baseUrl);
		this.host = uri.getHost();
		this.port = uri.getPort();
		this.timeout = timeout;
		this.localAddress = localAddress;
	}

	/**
	 * The same client, connecting from another local address: on loopback any of
	 * {@code 127.0.0.0/8}, so that a long run looks like many clients to limits per IP.
	 * @param address the local address
	 * @return the client
	 */
	public RawHttp from(String address) {
		return new RawHttp("http://" + this.host + ":" + this.port, this.timeout, address);
	}

	/**
	 * Sends a request and reads the whole response; of an event stream, which stays open,
	 * only the status and headers.
	 * @param request the request
	 * @return the response
	 * @throws UncheckedIOException if the connection fails or the response cannot be read
	 */
	public RawResponse send(RawRequest request) {
		try (Socket socket = new Socket()) {
			if (this.localAddress != null) {
				socket.bind(new InetSocketAddress(this.localAddress, 0));
			}
			socket.connect(new InetSocketAddress(this.host, this.port), (int) this.timeout.toMillis());
			socket.setSoTimeout((int) this.timeout.toMillis());
			OutputStream out = socket.getOutputStream();
			StringBuilder head = new StringBuilder();
			head.append(request.method()).append(' ').append(request.target()).append(" HTTP/1.1\r\n");
			head.append("Host: ").append(this.host).append(':').append(this.port).append("\r\n");
			head.append("Connection: close\r\n");
			request.headers().forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
			if (request.body() != null) {
				head.append("Content-Length: ").append(request.body().length).append("\r\n");
			}
			else if (!request.method().equals("GET") && !request.method().equals("HEAD")) {
				head.append("Content-Length: 0\r\n");
			}
			head.append("\r\n");
			out.write(head.toString().getBytes(StandardCharsets.UTF_8));
			if (request.body() != null) {
				try {
					out.write(request.body());
				}
				catch (IOException ex) {
					// The server may answer (413) and close before reading a large body.
				}
			}
			out.flush();
			return read(socket.getInputStream(), request.method().equals("HEAD"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("No response to " + request.method() + " " + request.target(), ex);
		}
	}

	private static RawResponse read(InputStream in, boolean head) throws IOException {
		ByteArrayOutputStream all = new ByteArrayOutputStream();
		byte[] buffer = new byte[8192];
		int read;
		try {
			while ((read = in.read(buffer)) >= 0) {
				all.write(buffer, 0, read);
				if (isEventStream(all.toByteArray())) {
					break;
				}
			}
		}
		catch (IOException ex) {
			if (all.size() == 0) {
				throw ex;
			}
		}
		byte[] bytes = all.toByteArray();
		int end = indexOf(bytes, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
		if (end < 0) {
			throw new IOException("Incomplete response: " + new String(bytes, StandardCharsets.ISO_8859_1));
		}
		String[] lines = new String(bytes, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
		int status = Integer.parseInt(lines[0].split(" ")[1]);
		Map<String, List<String>> headers = new LinkedHashMap<>();
		for (int i = 1; i < lines.length; i++) {
			int colon = lines[i].indexOf(':');
			if (colon > 0) {
				headers
					.computeIfAbsent(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
							(name) -> new ArrayList<>())
					.add(lines[i].substring(colon + 1).trim());
			}
		}
		byte[] body = java.util.Arrays.copyOfRange(bytes, end + 4, bytes.length);
		List<String> encoding = headers.getOrDefault("transfer-encoding", List.of());
		if (!head && encoding.stream().anyMatch((value) -> value.toLowerCase(Locale.ROOT).contains("chunked"))) {
			body = dechunk(body);
		}
		return new RawResponse(status, headers, new String(body, StandardCharsets.UTF_8));
	}

	/**
	 * Whether what was read so far is the complete head of an event stream, which stays
	 * open for as long as the client listens: its status and headers are the answer.
	 */
	private static boolean isEventStream(byte[] read) {
		int end = indexOf(read, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
		return end >= 0 && new String(read, 0, end, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT)
			.matches("(?s).*\r\ncontent-type:\\s*text/event-stream.*");
	}

	private static byte[] dechunk(byte[] chunked) {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		int at = 0;
		while (at < chunked.length) {
			int lineEnd = indexOf(chunked, "\r\n".getBytes(StandardCharsets.ISO_8859_1), at);
			if (lineEnd < 0) {
				break;
			}
			String sizeLine = new String(chunked, at, lineEnd - at, StandardCharsets.ISO_8859_1);
			int semicolon = sizeLine.indexOf(';');
			int size = Integer.parseInt(((semicolon >= 0) ? sizeLine.substring(0, semicolon) : sizeLine).trim(), 16);
			if (size == 0) {
				break;
			}
			body.write(chunked, lineEnd + 2, Math.min(size, chunked.length - lineEnd - 2));
			at = lineEnd + 2 + size + 2;
		}
		return body.toByteArray();
	}

	private static int indexOf(byte[] bytes, byte[] part) {
		return indexOf(bytes, part, 0);
	}

	private static int indexOf(byte[] bytes, byte[] part, int from) {
		outer: for (int i = from; i <= bytes.length - part.length; i++) {
			for (int j = 0; j < part.length; j++) {
				if (bytes[i + j] != part[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}

}
