package io.murmur.media.media;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import io.murmur.media.MediaIntegrationTests;
import io.murmur.media.TestVideos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A video whose processing outlives {@code murmur.media.video.timeout}, here shortened to
 * less than a full HD clip takes to transcode. The context of its own is closed after the
 * class rather than with the others at the end of the run.
 */
@TestPropertySource(properties = "murmur.media.video.timeout=300ms")
@DirtiesContext
class VideoTimeoutIntegrationTests extends MediaIntegrationTests {

	@Test
	void shouldKillFfmpegAndFailTheVideoWhenProcessingTimesOut() {
		byte[] clip = TestVideos.silent(1920, 1080, 2);
		long owner = newUser();

		Response response = upload(owner, "clip.mp4", "video/mp4", clip, java.util.Map.of());

		assertThat(response.status()).as(response.text()).isEqualTo(202);
		String id = response.json().get("id").asString();
		JsonNode failed = await().atMost(Duration.ofSeconds(30))
			.until(() -> as(owner, "GET", "/api/v1/media/" + id).json(),
					(media) -> !media.get("state").asString().equals("processing"));
		assertThat(failed.get("state").asString()).isEqualTo("failed");
		assertThat(failed.get("failureReason").asString()).startsWith("Processing timed out");
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(objectsOf(id)).isEmpty());
		assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive))
			.noneMatch((process) -> process.info().command().orElse("").endsWith("/ffmpeg"));
	}

}
