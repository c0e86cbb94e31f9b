package io.murmur.media.media;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import io.murmur.media.MediaIntegrationTests;
import io.murmur.media.TestVideos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class VideoIntegrationTests extends MediaIntegrationTests {

	@Nested
	class Transcoding {

		@Test
		void shouldTurnAnMp4IntoAnH264AacMp4WithAPoster() throws Exception {
			long owner = newUser();

			Response response = upload(owner, "clip.bin", "application/octet-stream", TestVideos.mp4(), Map.of());

			assertThat(response.status()).as(response.text()).isEqualTo(202);
			assertThat(response.json().get("state").asString()).isEqualTo("processing");
			String id = response.json().get("id").asString();
			JsonNode ready = awaitProcessed(owner, id);
			assertStoredAsH264AacMp4(ready, 640, 360);
			await().atMost(Duration.ofSeconds(10))
				.untilAsserted(() -> assertThat(objectsOf(id)).containsExactlyInAnyOrder(
						"media/" + id + "/original.mp4", "media/" + id + "/preview.jpg", "media/" + id + "/small.jpg"));
		}

		@Test
		void shouldTurnAWebmFromABrowserIntoAnMp4() throws Exception {
			byte[] webm = TestVideos.webm();
			assertThat(TestVideos.stream(TestVideos.probe(webm), "video").get("codec_name").asString())
				.isEqualTo("vp9");
			long owner = newUser();

			Response response = upload(owner, "clip.mp4", "video/mp4", webm, Map.of());

			assertThat(response.status()).as(response.text()).isEqualTo(202);
			assertStoredAsH264AacMp4(awaitProcessed(owner, response.json().get("id").asString()), 640, 360);
		}

		@Test
		void shouldTurnAQuickTimeMovieIntoAnMp4WithoutItsLocation() throws Exception {
			byte[] mov = TestVideos.movWithLocation();
			assertThat(TestVideos.probe(mov).get("format").get("tags").toString()).as("the upload has a location")
				.contains(TestVideos.LOCATION)
				.contains("Shot at home");
			long owner = newUser();

			Response response = upload(owner, "IMG_0001.MOV", "video/quicktime", mov, Map.of());

			assertThat(response.status()).as(response.text()).isEqualTo(202);
			JsonNode ready = awaitProcessed(owner, response.json().get("id").asString());
			byte[] original = assertStoredAsH264AacMp4(ready, 640, 360);
			JsonNode tags = TestVideos.probe(original).path("format").path("tags");
			assertThat(tags.propertyNames()).as("only what the MP4 muxer itself writes")
				.isSubsetOf("major_brand", "minor_version", "compatible_brands", "encoder");
			String bytes = new String(original, StandardCharsets.ISO_8859_1);
			assertThat(bytes).doesNotContain(TestVideos.LOCATION)
				.doesNotContain("+48.8584")
				.doesNotContain("ISO6709")
				.doesNotContain("Shot at home");
			for (JsonNode stream : TestVideos.probe(original).path("streams")) {
				assertThat(stream.path("tags").toString()).doesNotContain("48.8584");
			}
		}

		@Test
		void shouldDownscaleToTheLongEdgeLimitAndKeepTheAspect() throws Exception {
			JsonNode ready = awaitTranscodedTo(TestVideos.silent(1920, 1080, 1), 1280, 720);

			assertThat(UploadIntegrationTests.dimensions(download(ready.get("previewUrl").asString()).body()))
				.containsExactly(1280, 720);
		}

		@Test
		void shouldNeverUpscaleAndKeepDimensionsEven() throws Exception {
			JsonNode ready = awaitTranscodedTo(TestVideos.silent(181, 321, 1), 180, 320);

			assertThat(ready.get("aspect").asDouble()).isCloseTo(181.0 / 321, Offset.offset(0.01));
		}

		/**
		 * Uploads a clip and checks the size the record and the stored MP4 have.
		 */
		private JsonNode awaitTranscodedTo(byte[] clip, int width, int height) {
			long owner = newUser();
			Response response = upload(owner, clip);
			JsonNode ready = awaitProcessed(owner, response.json().get("id").asString());
			assertThat(ready.get("state").asString()).as(ready.toString()).isEqualTo("ready");
			assertThat(ready.get("width").asInt()).isEqualTo(width);
			assertThat(ready.get("height").asInt()).isEqualTo(height);
			JsonNode video = TestVideos.stream(TestVideos.probe(download(ready.get("url").asString()).body()), "video");
			assertThat(video.get("width").asInt()).isEqualTo(width);
			assertThat(video.get("height").asInt()).isEqualTo(height);
			return ready;
		}

		@Test
		void shouldAddNoSoundToASilentClipAndTakeTheFirstFrameOfAVeryShortOne() throws Exception {
			long owner = newUser();

			Response response = upload(owner, TestVideos.silent(320, 240, 0.4));

			JsonNode ready = awaitProcessed(owner, response.json().get("id").asString());
			assertThat(ready.get("state").asString()).as(ready.toString()).isEqualTo("ready");
			assertThat(ready.get("durationSeconds").asDouble()).isCloseTo(0.4, Offset.offset(0.1));
			JsonNode probed = TestVideos.probe(download(ready.get("url").asString()).body());
			assertThat(TestVideos.stream(probed, "video").get("codec_name").asString()).isEqualTo("h264");
			assertThat(TestVideos.stream(probed, "audio").isMissingNode()).isTrue();
			byte[] poster = download(ready.get("previewUrl").asString()).body();
			assertThat(UploadIntegrationTests.dimensions(poster)).containsExactly(320, 240);
		}

	}

	@Nested
	class Refusals {

		@Test
		void shouldFailAVideoCutShortAfterItsIndexWithAReasonAndKeepNothing() {
			long owner = newUser();

			Response response = upload(owner, "clip.mp4", "video/mp4", TestVideos.truncated(TestVideos.mp4IndexFirst()),
					Map.of());

			assertThat(response.status()).as("the index is whole, so the probe passes: %s", response.text())
				.isEqualTo(202);
			String id = response.json().get("id").asString();
			JsonNode failed = awaitProcessed(owner, id);
			assertThat(failed.get("state").asString()).isEqualTo("failed");
			assertThat(failed.get("failureReason").asString()).startsWith("The file cannot be read: ");
			assertThat(failed.get("variants").size()).isZero();
			await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(objectsOf(id)).isEmpty());
		}

		@Test
		void shouldRefuseAFileWithSoundButNoPictureWhileItWaits() {
			long owner = newUser();
			Set<String> before = objectKeys();

			Response response = upload(owner, "song.mp4", "video/mp4", TestVideos.audioOnly(), Map.of());

			assertThat(response.status()).as(response.text()).isEqualTo(422);
			assertThat(response.header("Content-Type")).startsWith("application/problem+json");
			assertThat(response.json().get("detail").asString()).contains("no video stream");
			assertThat(objectsAddedSince(before)).isEmpty();
		}

		@Test
		void shouldRefuseAVideoCutShortBeforeItsIndexWhileItWaits() {
			long owner = newUser();
			Set<String> before = objectKeys();

			Response response = upload(owner, "clip.mp4", "video/mp4", TestVideos.truncated(TestVideos.mp4()),
					Map.of());

			assertThat(response.status()).as(response.text()).isEqualTo(422);
			assertThat(response.json().get("type").asString()).endsWith("/media-unreadable");
			assertThat(objectsAddedSince(before)).isEmpty();
		}

	}

	/**
	 * Checks that a ready video is stored as an H.264/AAC MP4 that plays while it
	 * downloads, 2 s long, with a JPEG poster of its size as its preview.
	 * @return the stored MP4
	 */
	private static byte[] assertStoredAsH264AacMp4(JsonNode ready, int width, int height) throws Exception {
		assertThat(ready.get("state").asString()).as(ready.toString()).isEqualTo("ready");
		assertThat(ready.get("type").asString()).isEqualTo("video");
		assertThat(ready.get("contentType").asString()).isEqualTo("video/mp4");
		assertThat(ready.get("durationSeconds").asDouble()).isCloseTo(2.0, Offset.offset(0.2));
		assertThat(ready.get("width").asInt()).isEqualTo(width);
		assertThat(ready.get("height").asInt()).isEqualTo(height);
		assertThat(ready.get("blurhash").asString()).matches("[0-9A-Za-z#$%*+,\\-.:;=?@\\[\\]^_{|}~]{20,}");

		Response download = download(ready.get("url").asString());
		assertThat(download.status()).isEqualTo(200);
		byte[] mp4 = download.body();
		assertThat(new String(Arrays.copyOfRange(mp4, 4, 8), StandardCharsets.ISO_8859_1)).isEqualTo("ftyp");
		List<String> boxes = TestVideos.topLevelBoxes(mp4);
		assertThat(boxes.indexOf("moov")).as("the index before the media: %s", boxes)
			.isPositive()
			.isLessThan(boxes.indexOf("mdat"));
		JsonNode probed = TestVideos.probe(mp4);
		assertThat(probed.get("format").get("format_name").asString()).contains("mp4");
		assertThat(Double.parseDouble(probed.get("format").get("duration").asString())).isCloseTo(2.0,
				Offset.offset(0.2));
		JsonNode video = TestVideos.stream(probed, "video");
		assertThat(video.get("codec_name").asString()).isEqualTo("h264");
		assertThat(video.get("pix_fmt").asString()).isEqualTo("yuv420p");
		assertThat(video.get("width").asInt()).isEqualTo(width);
		assertThat(video.get("height").asInt()).isEqualTo(height);
		assertThat(TestVideos.stream(probed, "audio").get("codec_name").asString()).isEqualTo("aac");

		JsonNode preview = ready.get("variants")
			.valueStream()
			.filter((variant) -> variant.get("name").asString().equals("preview"))
			.findFirst()
			.orElseThrow();
		assertThat(preview.get("contentType").asString()).isEqualTo("image/jpeg");
		byte[] poster = download(ready.get("previewUrl").asString()).body();
		assertThat(Arrays.copyOf(poster, 2)).containsExactly(0xFF, 0xD8);
		assertThat(UploadIntegrationTests.dimensions(poster)).containsExactly(width, height);
		assertThat(UploadIntegrationTests.dimensions(download(ready.get("smallUrl").asString()).body())[0])
			.isEqualTo(Math.min(width, 400));
		return mp4;
	}

	private JsonNode awaitProcessed(long owner, String id) {
		return await().atMost(Duration.ofSeconds(60)).until(() -> {
			Response response = as(owner, "GET", "/api/v1/media/" + id);
			return (response.status() == 200) ? response.json() : null;
		}, (media) -> media != null && !media.get("state").asString().equals("processing"));
	}

}
