package io.murmur.acceptance;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

/**
 * Uploads an image as a client does, a multipart form.
 */
final class MediaUploads {

	private static final HttpClient http = HttpClient.newHttpClient();

	private MediaUploads() {
	}

	static Api.Response upload(String baseUrl, String token, byte[] jpeg) throws Exception {
		String boundary = "----murmur" + UUID.randomUUID();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.jpg\""
				+ "\r\nContent-Type: image/jpeg\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8));
		body.writeBytes(jpeg);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/media"))
			.timeout(Duration.ofSeconds(60))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
			.build(), HttpResponse.BodyHandlers.ofString());
		return new Api.Response(response.statusCode(), response.headers(), response.body());
	}

}
