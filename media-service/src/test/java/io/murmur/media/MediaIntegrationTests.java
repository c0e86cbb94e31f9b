package io.murmur.media;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.murmur.localstack.LocalStack;
import io.murmur.localstack.Store;
import io.murmur.localstack.s3.S3Server;
import io.murmur.localstack.spring.LocalStores;
import io.murmur.support.test.TestTokens;

/**
 * The base of the integration tests: the whole service on a random port against a real
 * PostgreSQL, Kafka and S3 (s3proxy, which checks signatures), with {@link TestTokens}
 * standing in for user-service. Every subclass shares one application context. Tests use
 * fresh user ids so that they never see each other's media.
 * <p>
 * The settings are the shipped ones except where a test needs a shorter time or a smaller
 * amount: images over 1 MP are processed in the background, presigned upload URLs live 3
 * s, the daily quota is 60 MB, and unattached media is deleted after
 * {@link #UNATTACHED_AFTER}, so that the clean-up can be watched (every test finishes
 * with its media well before that).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "murmur.outbox.poll-interval=100ms", "murmur.outbox.min-backoff=200ms",
				"murmur.outbox.max-backoff=1s", "spring.kafka.producer.properties.delivery.timeout.ms=3000",
				"spring.kafka.producer.properties.request.timeout.ms=1000",
				"spring.kafka.producer.properties.max.block.ms=2000",
				"murmur.media.processing.in-request-max-pixels=1000000", "murmur.media.processing.sweep-interval=1s",
				"murmur.media.serving.upload-url-ttl=3s", "murmur.media.quota.bytes-per-day=60MB",
				"murmur.media.cleanup.unattached-after=30s", "murmur.media.cleanup.interval=1s" })
@LocalStores({ Store.POSTGRES, Store.KAFKA, Store.S3 })
public abstract class MediaIntegrationTests {

	/** How long media may stay unattached in the tests. */
	protected static final Duration UNATTACHED_AFTER = Duration.ofSeconds(30);

	protected static final TestTokens tokens = TestTokens.start();

	protected static final JsonMapper json = JsonMapper.builder().build();

	private static final AtomicLong ids = new AtomicLong(System.currentTimeMillis() * 1000);

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private static @Nullable S3Client s3;

	@LocalServerPort
	protected int port;

	@DynamicPropertySource
	static void tokens(DynamicPropertyRegistry registry) {
		tokens.properties().forEach((key, value) -> registry.add(key, () -> value));
	}

	/** A user id no other test uses. */
	protected static long newUser() {
		return ids.incrementAndGet();
	}

	/**
	 * Uploads a file as multipart form data.
	 * @param userId the uploader
	 * @param fileName the file name sent, which must not matter
	 * @param contentType the content type sent for the part, which must not matter
	 * @param content the file
	 * @param fields other form fields
	 * @return the response
	 */
	protected Response upload(long userId, String fileName, String contentType, byte[] content,
			Map<String, String> fields) {
		String boundary = "----murmur" + UUID.randomUUID();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		fields.forEach((name, value) -> body.writeBytes(
				("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n")
					.getBytes(StandardCharsets.UTF_8)));
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
				+ "\"\r\nContent-Type: " + contentType + "\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8));
		body.writeBytes(content);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return send(HttpRequest.newBuilder(api("/api/v1/media"))
			.header("Authorization", "Bearer " + tokens.user(userId))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
	}

	protected Response upload(long userId, byte[] content) {
		return upload(userId, "photo.jpg", "image/jpeg", content, Map.of());
	}

	protected Response call(String method, String path, @Nullable String token, @Nullable String body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(api(path))
			.method(method,
					(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		return send(request);
	}

	protected Response as(long userId, String method, String path) {
		return call(method, path, tokens.user(userId), null);
	}

	protected Response as(long userId, String method, String path, String body) {
		return call(method, path, tokens.user(userId), body);
	}

	protected static Response send(HttpRequest.Builder request) {
		try {
			HttpResponse<byte[]> response = http.send(request.timeout(Duration.ofSeconds(60)).build(),
					HttpResponse.BodyHandlers.ofByteArray());
			return new Response(response.statusCode(), response.headers().map(), response.body());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Downloads a URL as a client would, without any credentials.
	 * @param url the URL
	 * @return the response
	 */
	protected static Response download(String url) {
		return send(HttpRequest.newBuilder(URI.create(url)).GET());
	}

	private URI api(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

	/** A client of the S3 store the service uses, to see what it holds. */
	protected static synchronized S3Client s3() {
		if (s3 == null) {
			S3Server server = LocalStack.shared().s3();
			s3 = S3Client.builder()
				.endpointOverride(server.endpointUri())
				.region(Region.of(server.region()))
				.credentialsProvider(StaticCredentialsProvider
					.create(AwsBasicCredentials.create(server.accessKey(), server.secretKey())))
				.forcePathStyle(true)
				.build();
		}
		return s3;
	}

	/**
	 * The keys of the objects a media has in the bucket, its waiting upload included.
	 * @param mediaId the media id
	 * @return the keys
	 */
	protected static List<String> objectsOf(String mediaId) {
		List<String> keys = new ArrayList<>();
		for (String prefix : List.of("media/" + mediaId + "/", "incoming/" + mediaId)) {
			s3().listObjectsV2Paginator((request) -> request.bucket("murmur-media").prefix(prefix))
				.contents()
				.stream()
				.map(S3Object::key)
				.forEach(keys::add);
		}
		return keys;
	}

	/**
	 * The keys of every object in the bucket. A test that checks that nothing was added
	 * compares two of these: counting would not do, since the clean-up deletes other
	 * tests' media meanwhile.
	 * @return the keys
	 */
	protected static java.util.Set<String> objectKeys() {
		return s3().listObjectsV2Paginator((request) -> request.bucket("murmur-media"))
			.contents()
			.stream()
			.map(S3Object::key)
			.collect(java.util.stream.Collectors.toSet());
	}

	/**
	 * The keys added since an earlier listing.
	 * @param before the earlier listing
	 * @return the keys not in it
	 */
	protected static java.util.Set<String> objectsAddedSince(java.util.Set<String> before) {
		java.util.Set<String> added = new java.util.HashSet<>(objectKeys());
		added.removeAll(before);
		return added;
	}

	/**
	 * An HTTP response.
	 *
	 * @param status the status
	 * @param headers the headers
	 * @param body the body
	 */
	public record Response(int status, Map<String, List<String>> headers, byte[] body) {

		public JsonNode json() {
			return MediaIntegrationTests.json.readTree(this.body);
		}

		public String text() {
			return new String(this.body, StandardCharsets.UTF_8);
		}

		public @Nullable String header(String name) {
			return this.headers.entrySet()
				.stream()
				.filter((entry) -> entry.getKey().equalsIgnoreCase(name))
				.map((entry) -> entry.getValue().get(0))
				.findFirst()
				.orElse(null);
		}

	}

}
