package io.murmur.media.video;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowable;

class FfmpegTests {

	@TempDir
	Path directory;

	@Nested
	class Running {

		@Test
		void shouldRunTheShippedFfmpegWithAnOpenH264Encoder() {
			Ffmpeg ffmpeg = ffmpeg();

			String encoders = ffmpeg.ffmpeg(FfmpegTests.this.directory, deadline(Duration.ofMinutes(1)),
					List.of("-hide_banner", "-encoders"));

			assertThat(encoders).contains("libopenh264").contains(" aac ");
		}

		@Test
		void shouldTellWhyAFileCannotBeReadWithoutTheWorkDirectory() throws Exception {
			Ffmpeg ffmpeg = ffmpeg();
			Files.write(FfmpegTests.this.directory.resolve("noise.mp4"), new byte[] { 0, 0, 0, 8, 'f', 't', 'y', 'p' });

			Throwable thrown = catchThrowable(
					() -> ffmpeg.ffprobe(FfmpegTests.this.directory, deadline(Duration.ofMinutes(1)),
							List.of("-v", "error", FfmpegTests.this.directory.resolve("noise.mp4").toString())));

			assertThat(thrown).isInstanceOf(Ffmpeg.FfmpegFailedException.class);
			assertThat(((Ffmpeg.FfmpegFailedException) thrown).reason()).isNotBlank()
				.doesNotContain(FfmpegTests.this.directory.toString());
		}

	}

	@Nested
	class Deadline {

		@Test
		void shouldKillFfmpegThatRunsPastItsDeadline() {
			Ffmpeg ffmpeg = ffmpeg();
			ffmpeg.ffmpegPath();
			long started = System.nanoTime();

			assertThatExceptionOfType(VideoTimeoutException.class)
				.isThrownBy(() -> ffmpeg.ffmpeg(FfmpegTests.this.directory, deadline(Duration.ofSeconds(1)), List
					.of("-nostdin", "-f", "lavfi", "-i", "testsrc=duration=3600:size=1280x720", "-f", "null", "-")));

			assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(15));
			assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).map(this::command))
				.noneMatch((command) -> command.endsWith("/ffmpeg"));
		}

		private String command(ProcessHandle process) {
			return process.info().command().orElse("");
		}

	}

	/**
	 * FFmpeg extracted where the service extracts it: a test's temporary directory would
	 * be gone before the next test.
	 */
	private static Ffmpeg ffmpeg() {
		return new Ffmpeg(Path.of(System.getProperty("java.io.tmpdir")));
	}

	private static long deadline(Duration in) {
		return System.nanoTime() + in.toNanos();
	}

}
