package io.murmur.localstack.s3;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

import io.murmur.localstack.LocalStack;
import io.murmur.localstack.StoreOutage;

import static org.assertj.core.api.Assertions.assertThat;

class S3ServerIntegrationTests {

	private final S3Server s3 = LocalStack.shared().s3();

	private final HttpClient http = HttpClient.newHttpClient();

	private final String bucket = "media-" + UUID.randomUUID();

	private S3Client client;

	private S3Presigner presigner;

	@BeforeEach
	void createBucket() {
		StaticCredentialsProvider credentials = StaticCredentialsProvider
			.create(AwsBasicCredentials.create(this.s3.accessKey(), this.s3.secretKey()));
		this.client = S3Client.builder()
			.endpointOverride(this.s3.endpointUri())
			.region(Region.of(this.s3.region()))
			.credentialsProvider(credentials)
			.forcePathStyle(true)
			.build();
		this.presigner = S3Presigner.builder()
			.endpointOverride(this.s3.endpointUri())
			.region(Region.of(this.s3.region()))
			.credentialsProvider(credentials)
			.serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build())
			.build();
		this.client.createBucket((request) -> request.bucket(this.bucket));
	}

	@AfterEach
	void close() {
		this.presigner.close();
		this.client.close();
		this.http.close();
	}

	@Test
	void shouldStoreAnObjectAndReadItBack() {
		this.client.putObject((request) -> request.bucket(this.bucket).key("avatars/1.png").contentType("image/png"),
				RequestBody.fromString("avatar of user 1"));

		var object = this.client.getObjectAsBytes((request) -> request.bucket(this.bucket).key("avatars/1.png"));

		assertThat(object.asUtf8String()).isEqualTo("avatar of user 1");
		assertThat(object.response().contentType()).isEqualTo("image/png");
		assertThat(this.client.listBuckets().buckets()).anyMatch((found) -> found.name().equals(this.bucket));
		assertThat(this.s3.isHealthy()).isTrue();
		assertThat(this.s3.springProperties()).containsEntry("murmur.s3.endpoint", this.s3.endpoint())
			.containsEntry("murmur.s3.access-key", this.s3.accessKey())
			.containsEntry("murmur.s3.secret-key", this.s3.secretKey())
			.containsEntry("murmur.s3.region", "us-east-1");
	}

	@Test
	void shouldServeAPresignedGetOverPlainHttpAndRefuseATamperedOne() throws Exception {
		this.client.putObject((request) -> request.bucket(this.bucket).key("avatars/1.png"),
				RequestBody.fromString("avatar of user 1"));
		this.client.putObject((request) -> request.bucket(this.bucket).key("avatars/2.png"),
				RequestBody.fromString("avatar of user 2"));
		String url = this.presigner
			.presignGetObject((presign) -> presign.signatureDuration(Duration.ofMinutes(5))
				.getObjectRequest((request) -> request.bucket(this.bucket).key("avatars/1.png")))
			.url()
			.toString();

		HttpResponse<String> response = get(url);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("avatar of user 1");

		assertThat(get(url.replace("avatars/1.png", "avatars/2.png")).statusCode()).isEqualTo(403);
		assertThat(get(tamperSignature(url)).statusCode()).isEqualTo(403);
	}

	@Test
	void shouldKeepBucketsAndObjectsAcrossAStopAndRestartOnTheSamePort() {
		this.client.putObject((request) -> request.bucket(this.bucket).key("avatars/1.png"),
				RequestBody.fromString("written before the outage"));

		StoreOutage.stopAndRestart(this.s3, this.s3.endpointUri().getPort());

		assertThat(this.client.getObjectAsBytes((request) -> request.bucket(this.bucket).key("avatars/1.png"))
			.asUtf8String()).isEqualTo("written before the outage");
	}

	private HttpResponse<String> get(String url) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
				HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	private static String tamperSignature(String url) {
		int signature = url.indexOf("X-Amz-Signature=") + "X-Amz-Signature=".length();
		char first = url.charAt(signature);
		return url.substring(0, signature) + ((first == '0') ? '1' : '0') + url.substring(signature + 1);
	}

}
