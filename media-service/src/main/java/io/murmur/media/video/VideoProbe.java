package io.murmur.media.video;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What {@code ffprobe} finds in a video file: its streams, frame size, duration and the
 * container's tags, read from its JSON output. ffprobe reads every container FFmpeg knows
 * (MP4, QuickTime, WebM and Matroska alike) and applies the rotation phones record, which
 * is why it replaced reading MP4 and QuickTime boxes ourselves.
 */
class VideoProbe {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final Ffmpeg ffmpeg;

	VideoProbe(Ffmpeg ffmpeg) {
		this.ffmpeg = ffmpeg;
	}

	/**
	 * Probes a file.
	 * @param file the file
	 * @param deadline when ffprobe must have finished, in {@link System#nanoTime()}
	 * @return what it holds
	 * @throws UnreadableVideoException when ffprobe cannot read it
	 * @throws VideoTimeoutException when ffprobe runs past the deadline
	 */
	VideoInfo probe(Path file, long deadline) {
		String output;
		try {
			output = this.ffmpeg.ffprobe(file.getParent(), deadline, List.of("-hide_banner", "-v", "error",
					"-print_format", "json", "-show_format", "-show_streams", file.getFileName().toString()));
		}
		catch (Ffmpeg.FfmpegFailedException ex) {
			throw new UnreadableVideoException("the video cannot be read (" + ex.reason() + ")", ex);
		}
		JsonNode probed;
		try {
			probed = json.readTree(output);
		}
		catch (JacksonException ex) {
			throw new UnreadableVideoException("the video cannot be read", ex);
		}
		return VideoInfo.of(probed);
	}

	/**
	 * What a video file holds.
	 *
	 * @param videoStream the index of its first video stream (a cover picture is not
	 * one), or -1 when it has none
	 * @param audioStream the index of its first audio stream, or -1
	 * @param width the width of the video stream as coded, 0 when unknown
	 * @param height its height as coded, 0 when unknown
	 * @param durationMs the duration, or {@code null} when the container does not say
	 * @param videoCodec the video codec's name, or {@code null}
	 * @param audioCodec the audio codec's name, or {@code null}
	 * @param formatName the container's names as FFmpeg gives them
	 * @param tags the container's tags (title, creation time, location, ...)
	 */
	record VideoInfo(int videoStream, int audioStream, int width, int height, @Nullable Long durationMs,
			@Nullable String videoCodec, @Nullable String audioCodec, String formatName, Map<String, String> tags) {

		boolean hasVideo() {
			return this.videoStream >= 0;
		}

		boolean hasAudio() {
			return this.audioStream >= 0;
		}

		static VideoInfo of(JsonNode probed) {
			int video = -1;
			int audio = -1;
			int width = 0;
			int height = 0;
			String videoCodec = null;
			String audioCodec = null;
			Long streamDuration = null;
			for (JsonNode stream : probed.path("streams")) {
				String type = stream.path("codec_type").asString("");
				if (video < 0 && type.equals("video")
						&& stream.path("disposition").path("attached_pic").asInt(0) == 0) {
					video = stream.path("index").asInt();
					width = stream.path("width").asInt(0);
					height = stream.path("height").asInt(0);
					videoCodec = stream.path("codec_name").asString(null);
					streamDuration = millis(stream.path("duration"));
				}
				else if (audio < 0 && type.equals("audio")) {
					audio = stream.path("index").asInt();
					audioCodec = stream.path("codec_name").asString(null);
				}
			}
			JsonNode format = probed.path("format");
			Long duration = millis(format.path("duration"));
			Map<String, String> tags = new java.util.LinkedHashMap<>();
			format.path("tags").properties().forEach((tag) -> tags.put(tag.getKey(), tag.getValue().asString("")));
			return new VideoInfo(video, audio, width, height, (duration != null) ? duration : streamDuration,
					videoCodec, audioCodec, format.path("format_name").asString(""), Map.copyOf(tags));
		}

		private static @Nullable Long millis(JsonNode seconds) {
			if (seconds.isMissingNode() || seconds.isNull()) {
				return null;
			}
			try {
				double value = Double.parseDouble(seconds.asString());
				return (value > 0 && Double.isFinite(value)) ? Math.round(value * 1000) : null;
			}
			catch (NumberFormatException ex) {
				return null;
			}
		}

	}

}
