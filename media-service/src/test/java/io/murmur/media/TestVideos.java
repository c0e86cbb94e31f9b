package io.murmur.media;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.bytedeco.javacpp.Loader;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.util.FileSystemUtils;

/**
 * Videos made for the tests by the same FFmpeg build the service ships: FFmpeg's test
 * pattern and a sine tone, in the containers and codecs phones and browsers upload, and
 * {@code ffprobe} to look at what the service stored.
 */
public final class TestVideos {

	/** The ISO 6709 location a phone writes into its videos. */
	public static final String LOCATION = "+48.8584+002.2945/";

	private static final JsonMapper json = JsonMapper.builder().build();

	private TestVideos() {
	}

	/**
	 * A 2 s, 640 x 360, 25 fps clip with a sine tone: H.264 and AAC in MP4, as phones
	 * record, with its index at the end.
	 */
	public static byte[] mp4() {
		return make("mp4", List.of("-c:v", "libopenh264", "-b:v", "1M", "-c:a", "aac"));
	}

	/**
	 * The clip with its index before the media, as a player streaming it wants it.
	 */
	public static byte[] mp4IndexFirst() {
		return make("mp4", List.of("-c:v", "libopenh264", "-b:v", "1M", "-c:a", "aac", "-movflags", "+faststart"));
	}

	/**
	 * The clip as browsers record it: VP9 and Opus in WebM.
	 */
	public static byte[] webm() {
		return make("webm", List.of("-c:v", "libvpx-vp9", "-b:v", "500k", "-deadline", "realtime", "-cpu-used", "8",
				"-c:a", "libopus"));
	}

	/**
	 * The clip as an iPhone writes it: QuickTime with the place it was shot in its
	 * metadata, in the user data ({@code ©xyz}) and as the
	 * {@code com.apple.quicktime.location.ISO6709} key.
	 */
	public static byte[] movWithLocation() {
		return make("mov",
				List.of("-c:v", "mpeg4", "-q:v", "5", "-c:a", "aac", "-metadata", "location=" + LOCATION, "-metadata",
						"com.apple.quicktime.location.ISO6709=" + LOCATION, "-metadata", "title=Shot at home",
						"-movflags", "use_metadata_tags"));
	}

	/**
	 * A clip of the given size and length, without sound.
	 * @param width the width
	 * @param height the height
	 * @param seconds the duration
	 * @return an MP4
	 */
	public static byte[] silent(int width, int height, double seconds) {
		return run("mp4",
				List.of("-f", "lavfi", "-i",
						"testsrc=duration=" + seconds + ":size=" + width + "x" + height + ":rate=25", "-c:v",
						"libopenh264", "-b:v", "1M"));
	}

	/**
	 * An MP4 with sound only: no video stream.
	 */
	public static byte[] audioOnly() {
		return run("mp4", List.of("-f", "lavfi", "-i", "sine=duration=2", "-c:a", "aac"));
	}

	/**
	 * The first third of a file, as an interrupted upload leaves it.
	 * @param video the file
	 * @return its first third
	 */
	public static byte[] truncated(byte[] video) {
		return Arrays.copyOf(video, video.length / 3);
	}

	/**
	 * What {@code ffprobe} says of a file: its format (with its tags) and streams.
	 * @param video the file
	 * @return ffprobe's JSON
	 */
	public static JsonNode probe(byte[] video) {
		Path directory = null;
		try {
			directory = Files.createTempDirectory("murmur-test-probe-");
			Path file = directory.resolve("video");
			Files.write(file, video);
			String output = exec(directory, List.of(Loader.load(org.bytedeco.ffmpeg.ffprobe.class), "-v", "error",
					"-print_format", "json", "-show_format", "-show_streams", file.toString()));
			return json.readTree(output);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		finally {
			delete(directory);
		}
	}

	/**
	 * The first stream of a type in ffprobe's output.
	 * @param probed ffprobe's JSON
	 * @param type {@code video} or {@code audio}
	 * @return the stream, or a missing node
	 */
	public static JsonNode stream(JsonNode probed, String type) {
		for (JsonNode stream : probed.path("streams")) {
			if (stream.path("codec_type").asString("").equals(type)) {
				return stream;
			}
		}
		return json.missingNode();
	}

	/**
	 * The types of an MP4's top-level boxes, in file order.
	 * @param mp4 the file
	 * @return e.g. {@code [ftyp, moov, mdat]}
	 */
	public static List<String> topLevelBoxes(byte[] mp4) {
		List<String> boxes = new ArrayList<>();
		long offset = 0;
		while (offset + 8 <= mp4.length) {
			int at = (int) offset;
			long size = ((mp4[at] & 0xFFL) << 24) | ((mp4[at + 1] & 0xFFL) << 16) | ((mp4[at + 2] & 0xFFL) << 8)
					| (mp4[at + 3] & 0xFFL);
			boxes.add(new String(mp4, at + 4, 4, StandardCharsets.ISO_8859_1));
			if (size == 1 && offset + 16 <= mp4.length) {
				size = 0;
				for (int i = 8; i < 16; i++) {
					size = (size << 8) | (mp4[at + i] & 0xFFL);
				}
			}
			if (size < 8) {
				break;
			}
			offset += size;
		}
		return boxes;
	}

	private static byte[] make(String extension, List<String> codecs) {
		List<String> arguments = new ArrayList<>(List.of("-f", "lavfi", "-i", "testsrc=duration=2:size=640x360:rate=25",
				"-f", "lavfi", "-i", "sine=duration=2:frequency=440"));
		arguments.addAll(codecs);
		return run(extension, arguments);
	}

	private static byte[] run(String extension, List<String> arguments) {
		Path directory = null;
		try {
			directory = Files.createTempDirectory("murmur-test-video-");
			Path output = directory.resolve("clip." + extension);
			List<String> command = new ArrayList<>(List.of(Loader.load(org.bytedeco.ffmpeg.ffmpeg.class), "-nostdin",
					"-hide_banner", "-loglevel", "error", "-y"));
			command.addAll(arguments);
			command.add(output.toString());
			exec(directory, command);
			return Files.readAllBytes(output);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		finally {
			delete(directory);
		}
	}

	private static String exec(Path directory, List<String> command) throws IOException {
		Path out = directory.resolve("stdout");
		Path err = directory.resolve("stderr");
		Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
		process.getOutputStream().close();
		try {
			if (!process.waitFor(2, TimeUnit.MINUTES)) {
				process.destroyForcibly();
				throw new IllegalStateException(command.getFirst() + " did not finish");
			}
		}
		catch (InterruptedException ex) {
			process.destroyForcibly();
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		if (process.exitValue() != 0) {
			throw new IllegalStateException(command + " failed: " + Files.readString(err));
		}
		return Files.readString(out);
	}

	private static void delete(Path directory) {
		if (directory != null) {
			try {
				FileSystemUtils.deleteRecursively(directory);
			}
			catch (IOException ex) {
				// a temporary directory left behind
			}
		}
	}

}
