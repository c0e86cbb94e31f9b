package io.murmur.media.media;

import java.io.ByteArrayInputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.GpsDirectory;
import com.drew.metadata.iptc.IptcDirectory;
import com.drew.metadata.xmp.XmpDirectory;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import io.murmur.media.MediaIntegrationTests;
import io.murmur.media.TestImages;
import io.murmur.media.TestVideos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class UploadIntegrationTests extends MediaIntegrationTests {

	@Nested
	class CleanPhoto {

		@Test
		void shouldServeEveryVariantWithoutExifOrGpsAndWithTheOrientationApplied() throws Exception {
			long owner = newUser();
			byte[] photo = TestImages.photoWithExif(1000, 600, 6);
			assertThat(metadataOf(photo).getFirstDirectoryOfType(GpsDirectory.class)).as("the upload has GPS")
				.isNotNull();

			Response response = upload(owner, "IMG_0001.jpg", "image/jpeg", photo,
					Map.of("description", "A red circle at dusk", "focus", "0.25,-0.5"));

			assertThat(response.status()).as(response.text()).isEqualTo(201);
			JsonNode media = response.json();
			assertThat(media.get("state").asString()).isEqualTo("ready");
			assertThat(media.get("type").asString()).isEqualTo("image");
			assertThat(media.get("width").asInt()).as("turned by the orientation").isEqualTo(600);
			assertThat(media.get("height").asInt()).isEqualTo(1000);
			assertThat(media.get("aspect").asDouble()).isCloseTo(0.6, org.assertj.core.data.Offset.offset(0.001));
			assertThat(media.get("blurhash").asString()).matches("[0-9A-Za-z#$%*+,\\-.:;=?@\\[\\]^_{|}~]{20,}");
			assertThat(media.get("description").asString()).isEqualTo("A red circle at dusk");
			assertThat(media.get("focus").get("x").asDouble()).isEqualTo(0.25);
			assertThat(media.get("focus").get("y").asDouble()).isEqualTo(-0.5);
			List<JsonNode> variants = media.get("variants").valueStream().toList();
			assertThat(variants).extracting((variant) -> variant.get("name").asString())
				.containsExactly("original", "preview", "small");
			for (JsonNode variant : variants) {
				Response download = download(variant.get("url").asString());
				assertThat(download.status()).isEqualTo(200);
				assertThat(download.header("Cache-Control")).contains("immutable");
				Metadata metadata = metadataOf(download.body());
				assertThat(metadata.getFirstDirectoryOfType(ExifIFD0Directory.class)).isNull();
				assertThat(metadata.getFirstDirectoryOfType(GpsDirectory.class)).isNull();
				assertThat(metadata.getFirstDirectoryOfType(XmpDirectory.class)).isNull();
				assertThat(metadata.getFirstDirectoryOfType(IptcDirectory.class)).isNull();
				assertThat(new String(download.body(), StandardCharsets.ISO_8859_1))
					.doesNotContain(TestImages.CAMERA_MAKE)
					.doesNotContain("Shot at home");
				int[] size = dimensions(download.body());
				assertThat(size[0]).as("width of %s", variant.get("name")).isEqualTo(variant.get("width").asInt());
				assertThat(size[1]).isEqualTo(variant.get("height").asInt());
				assertThat(size[1]).as("portrait, as seen").isGreaterThan(size[0]);
			}
			assertThat(Math.max(variants.get(1).get("width").asInt(), variants.get(1).get("height").asInt()))
				.isLessThanOrEqualTo(1280);
			assertThat(Math.max(variants.get(2).get("width").asInt(), variants.get(2).get("height").asInt()))
				.isEqualTo(400);
		}

		@Test
		void shouldKeepAnUprightPhotosPixelsExactlyAndDropItsMetadata() throws Exception {
			long owner = newUser();
			byte[] photo = TestImages.photoWithExif(1000, 600, 1);

			Response response = upload(owner, "IMG_0002.jpg", "image/jpeg", photo, Map.of());

			assertThat(response.status()).as(response.text()).isEqualTo(201);
			JsonNode original = response.json().get("variants").get(0);
			assertThat(original.get("name").asString()).isEqualTo("original");
			Response download = download(original.get("url").asString());
			Metadata metadata = metadataOf(download.body());
			assertThat(metadata.getFirstDirectoryOfType(ExifIFD0Directory.class)).isNull();
			assertThat(metadata.getFirstDirectoryOfType(GpsDirectory.class)).isNull();
			assertThat(new String(download.body(), StandardCharsets.ISO_8859_1)).doesNotContain(TestImages.CAMERA_MAKE)
				.doesNotContain("Shot at home");
			assertThat(rgb(download.body())).as("not compressed a second time").isEqualTo(rgb(photo));
		}

		@Test
		void shouldDownscaleTheOriginalToTheLongEdgeLimit() throws Exception {
			long owner = newUser();
			JsonNode media = upload(owner, TestImages.jpeg(1000, 200)).json();

			assertThat(media.get("width").asInt()).isEqualTo(1000);
			int[] original = dimensions(download(media.get("url").asString()).body());
			assertThat(original).containsExactly(1000, 200);
			int[] preview = dimensions(download(media.get("previewUrl").asString()).body());
			assertThat(preview).containsExactly(1000, 200);
			int[] small = dimensions(download(media.get("smallUrl").asString()).body());
			assertThat(small).containsExactly(400, 80);
		}

		@Test
		void shouldLetAnyoneSeeReadyMediaButNotOthersMediaStillProcessing() {
			long owner = newUser();
			String id = upload(owner, TestImages.jpeg(300, 200)).json().get("id").asString();

			Response other = as(newUser(), "GET", "/api/v1/media/" + id);
			assertThat(other.status()).isEqualTo(200);
			assertThat(other.json().get("url").asString()).startsWith("http");
			assertThat(as(owner, "GET", "/api/v1/media/123").status()).isEqualTo(404);
			assertThat(as(owner, "GET", "/api/v1/media/not-an-id").status()).isEqualTo(404);
		}

	}

	@Nested
	class Formats {

		@Test
		void shouldKeepTransparencyAsPng() {
			JsonNode media = upload(newUser(), "logo.jpg", "image/jpeg", TestImages.pngWithAlpha(500, 300), Map.of())
				.json();

			assertThat(media.get("contentType").asString()).isEqualTo("image/png");
			byte[] preview = download(media.get("previewUrl").asString()).body();
			assertThat(Arrays.copyOf(preview, 4)).containsExactly(0x89, 'P', 'N', 'G');
		}

		@Test
		void shouldKeepAnAnimatedGifAnimatedWithoutItsMetadata() throws Exception {
			byte[] gif = TestImages.animatedGifWithMetadata(120, 80);

			JsonNode media = upload(newUser(), "cat.png", "image/png", gif, Map.of()).json();

			assertThat(media.get("type").asString()).isEqualTo("gif");
			assertThat(media.get("contentType").asString()).isEqualTo("image/gif");
			byte[] original = download(media.get("url").asString()).body();
			assertThat(frames(original)).isEqualTo(2);
			assertThat(new String(original, StandardCharsets.ISO_8859_1)).doesNotContain("XMP DataXMP")
				.doesNotContain("GPS")
				.doesNotContain("Shot at home");
			assertThat(Arrays.copyOf(download(media.get("previewUrl").asString()).body(), 2)).containsExactly(0xFF,
					0xD8);
		}

		@Test
		void shouldTranscodeVideoWithItsDurationInTheBackground() throws Exception {
			long owner = newUser();
			byte[] clip = fixture("clip.mp4");

			Response response = upload(owner, "clip.bin", "application/octet-stream", clip, Map.of());

			assertThat(response.status()).as(response.text()).isEqualTo(202);
			assertThat(response.json().get("state").asString()).isEqualTo("processing");
			String id = response.json().get("id").asString();
			JsonNode ready = awaitReady(owner, id);
			assertThat(ready.get("type").asString()).isEqualTo("video");
			assertThat(ready.get("contentType").asString()).isEqualTo("video/mp4");
			assertThat(ready.get("durationSeconds").asDouble()).isCloseTo(2.0,
					org.assertj.core.data.Offset.offset(0.2));
			assertThat(ready.get("width").asInt()).isEqualTo(160);
			byte[] original = download(ready.get("url").asString()).body();
			assertThat(original).as("transcoded, not the upload").isNotEqualTo(clip);
			assertThat(TestVideos.stream(TestVideos.probe(original), "video").get("codec_name").asString())
				.isEqualTo("h264");
			await().atMost(Duration.ofSeconds(10))
				.untilAsserted(() -> assertThat(objectsOf(id)).containsExactlyInAnyOrder(
						"media/" + id + "/original.mp4", "media/" + id + "/preview.jpg", "media/" + id + "/small.jpg"));
		}

		@Test
		void shouldAcceptWebmAndMovFromTheirBytes() throws Exception {
			long owner = newUser();
			for (String name : List.of("clip.webm", "clip.mov")) {
				Response response = upload(owner, "video.mp4", "video/mp4", fixture(name), Map.of());
				assertThat(response.status()).as(name + ": " + response.text()).isEqualTo(202);
				JsonNode ready = awaitReady(owner, response.json().get("id").asString());
				assertThat(ready.get("type").asString()).isEqualTo("video");
				assertThat(ready.get("contentType").asString()).as("transcoded to MP4").isEqualTo("video/mp4");
			}
		}

	}

	@Nested
	class Background {

		@Test
		void shouldAnswer202ForALargeImageAnd206UntilItIsReady() {
			long owner = newUser();
			Response response = upload(owner, TestImages.jpeg(1400, 1000));

			assertThat(response.status()).isEqualTo(202);
			String id = response.json().get("id").asString();
			Response meanwhile = as(owner, "GET", "/api/v1/media/" + id);
			assertThat(meanwhile.status()).isIn(206, 200);
			JsonNode ready = awaitReady(owner, id);
			assertThat(ready.get("width").asInt()).isEqualTo(1400);
			assertThat(ready.get("blurhash").isNull()).isFalse();
			await().atMost(Duration.ofSeconds(10)).until(() -> !objectsOf(id).contains("incoming/" + id));
		}

		@Test
		void shouldTellAFailureWithItsReasonAndKeepNothing() {
			long owner = newUser();
			Response response = upload(owner, TestImages.truncated(TestImages.jpeg(1400, 1000)));

			assertThat(response.status()).isEqualTo(202);
			String id = response.json().get("id").asString();
			JsonNode failed = await().atMost(Duration.ofSeconds(30))
				.until(() -> as(owner, "GET", "/api/v1/media/" + id).json(),
						(media) -> media.get("state").asString().equals("failed"));
			assertThat(failed.get("failureReason").asString()).contains("cannot be read");
			assertThat(objectsOf(id)).isEmpty();
		}

	}

	@Nested
	class BadInput {

		@Test
		void shouldRefuseAShellScriptNamedLikeAPhotoWith415() {
			java.util.Set<String> before = objectKeys();
			Response response = upload(newUser(), "photo.jpg", "image/jpeg",
					"#!/bin/sh\nrm -rf / --no-preserve-root\n".getBytes(StandardCharsets.UTF_8), Map.of());

			assertThat(response.status()).isEqualTo(415);
			assertThat(response.header("Content-Type")).startsWith("application/problem+json");
			assertThat(response.json().get("type").asString()).endsWith("/unsupported-media-type");
			assertThat(objectsAddedSince(before)).isEmpty();
		}

		@Test
		void shouldRefuseAnImageOverTheLimitWith413() {
			java.util.Set<String> before = objectKeys();
			byte[] large = Arrays.copyOf(TestImages.jpeg(64, 64), 16 * 1024 * 1024 + 1);

			Response response = upload(newUser(), large);

			assertThat(response.status()).isEqualTo(413);
			assertThat(response.json().get("type").asString()).endsWith("/media-too-large");
			assertThat(objectsAddedSince(before)).isEmpty();
		}

		@Test
		void shouldRefuseADecompressionBombFromItsHeaderWithinASecondAndBoundedHeap() {
			java.util.Set<String> before = objectKeys();
			byte[] bomb = TestImages.pngBomb(50_000, 50_000);
			assertThat(bomb.length).isLessThan(1024);
			List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans()
				.stream()
				.filter((pool) -> pool.getType() == MemoryType.HEAP)
				.toList();
			System.gc();
			long usedBefore = heap.stream().mapToLong((pool) -> pool.getUsage().getUsed()).sum();
			heap.forEach(MemoryPoolMXBean::resetPeakUsage);

			long started = System.nanoTime();
			Response response = upload(newUser(), "bomb.png", "image/png", bomb, Map.of());
			Duration took = Duration.ofNanos(System.nanoTime() - started);

			assertThat(response.status()).isEqualTo(422);
			assertThat(response.json().get("type").asString()).endsWith("/image-dimensions-too-large");
			assertThat(took).isLessThan(Duration.ofSeconds(1));
			long peak = heap.stream().mapToLong((pool) -> pool.getPeakUsage().getUsed()).sum();
			assertThat(peak - usedBefore).as("heap grown while refusing").isLessThan(256L * 1024 * 1024);
			assertThat(objectsAddedSince(before)).isEmpty();
		}

		@Test
		void shouldRefuseATruncatedJpegWith422() {
			java.util.Set<String> before = objectKeys();
			Response response = upload(newUser(), TestImages.truncated(TestImages.jpeg(800, 600)));

			assertThat(response.status()).isEqualTo(422);
			assertThat(response.json().get("type").asString()).endsWith("/media-unreadable");
			assertThat(objectsAddedSince(before)).isEmpty();
		}

		@Test
		void shouldRefuseABadFocusAndAnOverlongDescriptionWith400() {
			Response focus = upload(newUser(), "a.jpg", "image/jpeg", TestImages.jpeg(50, 50), Map.of("focus", "2,0"));
			assertThat(focus.status()).isEqualTo(400);
			assertThat(focus.json().get("errors").get(0).get("field").asString()).isEqualTo("focus");
			Response description = upload(newUser(), "a.jpg", "image/jpeg", TestImages.jpeg(50, 50),
					Map.of("description", "x".repeat(1501)));
			assertThat(description.status()).isEqualTo(400);
		}

		@Test
		void shouldRefuseRequestsWithoutAUserToken() {
			assertThat(call("GET", "/api/v1/media/1", null, null).status()).isEqualTo(401);
			assertThat(call("GET", "/api/v1/media/1", tokens.service("post-service"), null).status()).isEqualTo(403);
		}

	}

	private JsonNode awaitReady(long owner, String id) {
		return await().atMost(Duration.ofSeconds(60)).until(() -> {
			Response response = as(owner, "GET", "/api/v1/media/" + id);
			return (response.status() == 200) ? response.json() : null;
		}, (media) -> media != null && media.get("state").asString().equals("ready"));
	}

	static Metadata metadataOf(byte[] image) throws Exception {
		return ImageMetadataReader.readMetadata(new ByteArrayInputStream(image));
	}

	static int[] rgb(byte[] image) throws Exception {
		java.awt.image.BufferedImage decoded = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(image));
		return decoded.getRGB(0, 0, decoded.getWidth(), decoded.getHeight(), null, 0, decoded.getWidth());
	}

	static int[] dimensions(byte[] image) throws Exception {
		try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(image))) {
			ImageReader reader = ImageIO.getImageReaders(input).next();
			reader.setInput(input);
			return new int[] { reader.getWidth(0), reader.getHeight(0) };
		}
	}

	static int frames(byte[] gif) throws Exception {
		try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(gif))) {
			ImageReader reader = ImageIO.getImageReaders(input).next();
			reader.setInput(input);
			return reader.getNumImages(true);
		}
	}

	static byte[] fixture(String name) throws Exception {
		try (var in = UploadIntegrationTests.class.getResourceAsStream("/fixtures/" + name)) {
			return in.readAllBytes();
		}
	}

}
