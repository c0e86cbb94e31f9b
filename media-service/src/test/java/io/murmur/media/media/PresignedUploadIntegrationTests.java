package io.murmur.media.media;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import io.murmur.media.MediaIntegrationTests;
import io.murmur.media.TestImages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class PresignedUploadIntegrationTests extends MediaIntegrationTests {

	@Nested
	class Flow {

		@Test
		void shouldStoreAPresignedUploadOnceCompletedWithItsMetadataStripped() throws Exception {
			long owner = newUser();
			byte[] photo = TestImages.photoWithExif(640, 480, 1);
			JsonNode upload = announce(owner, "image/jpeg", photo.length);
			assertThat(upload.get("method").asString()).isEqualTo("PUT");
			assertThat(Instant.parse(upload.get("expiresAt").asString())).isAfter(Instant.now());
			String id = upload.get("id").asString();
			assertThat(as(owner, "GET", "/api/v1/media/" + id).status()).isEqualTo(206);

			assertThat(put(upload, photo).status()).isEqualTo(200);
			Response completed = as(owner, "POST", "/api/v1/media/" + id + "/complete");

			assertThat(completed.status()).as(completed.text()).isEqualTo(200);
			assertThat(completed.json().get("state").asString()).isEqualTo("ready");
			byte[] original = download(completed.json().get("url").asString()).body();
			assertThat(UploadIntegrationTests.metadataOf(original)
				.getFirstDirectoryOfType(com.drew.metadata.exif.GpsDirectory.class)).isNull();
			assertThat(UploadIntegrationTests.dimensions(original)).containsExactly(640, 480);
			await().atMost(Duration.ofSeconds(10)).until(() -> !objectsOf(id).contains("incoming/" + id));
			Response again = as(owner, "POST", "/api/v1/media/" + id + "/complete");
			assertThat(again.status()).isEqualTo(200);
			assertThat(again.json().get("id").asString()).isEqualTo(id);
		}

		@Test
		void shouldProcessALargePresignedImageInTheBackground() {
			long owner = newUser();
			byte[] photo = TestImages.jpeg(1500, 1000);
			JsonNode upload = announce(owner, "image/jpeg", photo.length);
			put(upload, photo);

			Response completed = as(owner, "POST", "/api/v1/media/" + upload.get("id").asString() + "/complete");

			assertThat(completed.status()).isEqualTo(202);
			await().atMost(Duration.ofSeconds(60))
				.until(() -> as(owner, "GET", "/api/v1/media/" + upload.get("id").asString()).status() == 200);
		}

		@Test
		void shouldSayTheFileHasNotArrivedWhenCompletedTooEarly() {
			long owner = newUser();
			JsonNode upload = announce(owner, "image/png", 1000);

			Response completed = as(owner, "POST", "/api/v1/media/" + upload.get("id").asString() + "/complete");

			assertThat(completed.status()).isEqualTo(409);
			assertThat(completed.json().get("type").asString()).endsWith("/upload-not-received");
		}

		@Test
		void shouldNotLetAnotherUserCompleteAnUpload() {
			JsonNode upload = announce(newUser(), "image/png", 1000);

			assertThat(as(newUser(), "POST", "/api/v1/media/" + upload.get("id").asString() + "/complete").status())
				.isEqualTo(404);
		}

	}

	@Nested
	class Refusals {

		@Test
		void shouldRefuseAPutOfAnotherSizeThanAnnounced() {
			long owner = newUser();
			byte[] photo = TestImages.jpeg(320, 240);
			JsonNode upload = announce(owner, "image/jpeg", photo.length + 10);

			Response put = put(upload, photo);

			assertThat(put.status()).isEqualTo(403);
			assertThat(objectsOf(upload.get("id").asString())).isEmpty();
		}

		@Test
		void shouldRefuseAPutAfterTheUrlExpired() {
			long owner = newUser();
			byte[] photo = TestImages.jpeg(320, 240);
			JsonNode upload = announce(owner, "image/jpeg", photo.length);
			Instant expiresAt = Instant.parse(upload.get("expiresAt").asString());
			await().atMost(Duration.ofSeconds(30)).until(() -> Instant.now().isAfter(expiresAt.plusSeconds(1)));

			Response put = put(upload, photo);

			assertThat(put.status()).isEqualTo(403);
			String id = upload.get("id").asString();
			assertThat(objectsOf(id)).isEmpty();
			Response completed = as(owner, "POST", "/api/v1/media/" + id + "/complete");
			assertThat(completed.status()).isEqualTo(410);
			assertThat(as(owner, "GET", "/api/v1/media/" + id).json().get("state").asString()).isEqualTo("failed");
		}

		@Test
		void shouldCheckTheBytesAndNotTheAnnouncedTypeOnCompletion() {
			long owner = newUser();
			byte[] script = "#!/bin/sh\necho pwned\n".getBytes();
			JsonNode upload = announce(owner, "image/jpeg", script.length);
			assertThat(put(upload, script).status()).isEqualTo(200);
			String id = upload.get("id").asString();

			Response completed = as(owner, "POST", "/api/v1/media/" + id + "/complete");

			assertThat(completed.status()).isEqualTo(415);
			assertThat(objectsOf(id)).isEmpty();
		}

		@Test
		void shouldRefuseAnnouncementsOfUnacceptedTypesAndSizes() {
			long owner = newUser();
			Response type = as(owner, "POST", "/api/v1/media/uploads",
					"{\"contentType\":\"application/x-sh\",\"size\":100}");
			assertThat(type.status()).isEqualTo(415);
			Response size = as(owner, "POST", "/api/v1/media/uploads",
					"{\"contentType\":\"video/mp4\",\"size\":" + (100L * 1024 * 1024 + 1) + "}");
			assertThat(size.status()).isEqualTo(413);
			Response missing = as(owner, "POST", "/api/v1/media/uploads", "{\"contentType\":\"video/mp4\"}");
			assertThat(missing.status()).isEqualTo(400);
			Response large = as(owner, "POST", "/api/v1/media/uploads",
					"{\"contentType\":\"image/png\",\"size\":10,\"description\":\"" + "x".repeat(70_000) + "\"}");
			assertThat(large.status()).as("JSON bodies keep the small limit").isEqualTo(413);
		}

	}

	@Nested
	class Quota {

		@Test
		void shouldRefuseUploadsPastTheDailyQuotaWith429AndRetryAfter() {
			long owner = newUser();
			for (int i = 0; i < 3; i++) {
				assertThat(as(owner, "POST", "/api/v1/media/uploads",
						"{\"contentType\":\"video/mp4\",\"size\":" + 20L * 1024 * 1024 + "}")
					.status()).isEqualTo(201);
			}

			Response refused = upload(owner, TestImages.jpeg(100, 100));

			assertThat(refused.status()).isEqualTo(429);
			assertThat(refused.json().get("type").asString()).endsWith("/upload-quota-exceeded");
			long retryAfter = Long.parseLong(refused.header("Retry-After"));
			assertThat(retryAfter).isBetween(1L, 86_400L);
			assertThat(upload(newUser(), TestImages.jpeg(100, 100)).status()).as("another user's quota").isEqualTo(201);
		}

		@Test
		void shouldNotChargeRefusedUploads() {
			long owner = newUser();
			byte[] truncated = TestImages.truncated(TestImages.jpeg(900, 900));
			byte[] padded = Arrays.copyOf(truncated, 15 * 1024 * 1024);
			for (int i = 0; i < 5; i++) {
				assertThat(upload(owner, padded).status()).isEqualTo(422);
			}

			assertThat(upload(owner, TestImages.jpeg(100, 100)).status()).isEqualTo(201);
		}

	}

	private JsonNode announce(long owner, String contentType, long size) {
		Response response = as(owner, "POST", "/api/v1/media/uploads",
				"{\"contentType\":\"" + contentType + "\",\"size\":" + size + "}");
		assertThat(response.status()).as(response.text()).isEqualTo(201);
		return response.json();
	}

	private static Response put(JsonNode upload, byte[] content) {
		return send(HttpRequest.newBuilder(URI.create(upload.get("uploadUrl").asString()))
			.header("Content-Type", upload.get("headers").get("Content-Type").asString())
			.PUT(HttpRequest.BodyPublishers.ofByteArray(content)));
	}

}
