package io.murmur.media.video;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Semaphore;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.util.FileSystemUtils;

import io.murmur.media.config.MediaProperties;
import io.murmur.media.inspect.MediaFormat;

/**
 * Turns an uploaded video (MP4, WebM or QuickTime, as detected from its bytes) into what
 * is stored: an H.264 (yuv420p) MP4 with AAC audio when the upload has sound, its index
 * at the front ({@code +faststart}) so that it plays while it downloads, at most
 * {@code murmur.media.video.max-edge} pixels on its long edge (never upscaled, even
 * dimensions, the rotation phones record applied), and no metadata at all: no title,
 * creation time, camera or location (QuickTime's
 * {@code com.apple.quicktime.location.ISO6709}) survives. A poster frame is taken from
 * the transcoded video, about a tenth in (the first frame of very short clips), as a PNG
 * for the caller to turn into preview images.
 * <p>
 * FFmpeg's programs do the work as child processes ({@link Ffmpeg}) in a directory of
 * their own that is deleted afterwards, with {@code -threads} bounded, no standard input,
 * and one deadline for the whole video ({@code murmur.media.video.timeout}). At most
 * {@code murmur.media.processing.concurrency} videos are processed at once.
 * <p>
 * The H.264 encoder is OpenH264 ({@code libopenh264}, BSD-licensed), which the LGPL build
 * of FFmpeg that JavaCPP ships includes; x264 is only in its GPL build.
 */
@Component
public class VideoProcessor {

	private static final Log log = LogFactory.getLog(VideoProcessor.class);

	/** Clips shorter than this get their first frame as the poster. */
	private static final long SHORT_CLIP_MS = 1000;

	private static final String NO_VIDEO_STREAM = "the file holds no video stream";

	private final Ffmpeg ffmpeg;

	private final VideoProbe probe;

	private final MediaProperties.Video settings;

	private final Semaphore running;

	public VideoProcessor(MediaProperties properties) {
		this.settings = properties.video();
		Path work = this.settings.workDirectory();
		this.ffmpeg = new Ffmpeg((work != null) ? work : Path.of(System.getProperty("java.io.tmpdir")));
		this.probe = new VideoProbe(this.ffmpeg);
		this.running = new Semaphore(properties.processing().concurrency(), true);
	}

	/**
	 * Extracts FFmpeg's programs once the service is up, so that the first video does not
	 * wait for it, and says in the log whether they run here.
	 */
	@EventListener(ApplicationReadyEvent.class)
	void checkFfmpeg() {
		Thread.ofVirtual().name("ffmpeg-check").start(() -> {
			try {
				Path directory = Files.createDirectories(this.ffmpeg.workDirectory());
				String version = this.ffmpeg.ffmpeg(directory, System.nanoTime() + Duration.ofMinutes(1).toNanos(),
						List.of("-hide_banner", "-version"));
				String first = version.lines().findFirst().orElse("ffmpeg");
				log.info("Video is transcoded with " + first.replaceFirst(" Copyright.*", "") + " and "
						+ this.settings.encoder());
			}
			catch (IOException | RuntimeException ex) {
				log.error("FFmpeg does not run here: videos will not be processed", ex);
			}
		});
	}

	/**
	 * Processes a video.
	 * @param upload writes the upload to the file it is given
	 * @param format the upload's format, as detected from its bytes
	 * @return the transcoded video and its poster, to close once stored
	 * @throws UnreadableVideoException when the upload is damaged or holds no video
	 * @throws VideoTimeoutException when processing runs past the time limit
	 */
	public ProcessedVideo process(Upload upload, MediaFormat format) {
		try {
			this.running.acquire();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting to process a video", ex);
		}
		try {
			return inOwnDirectory(upload, format, "murmur-video-", this::transcode);
		}
		finally {
			this.running.release();
		}
	}

	/**
	 * Checks, while the upload waits, that a file holds a video stream FFmpeg can read.
	 * The probe reads the container's headers and indexes, not the frames, so a file
	 * damaged further in is only found when transcoded. When FFmpeg does not run here or
	 * takes longer than {@code video.probe-timeout}, the file is not refused: the
	 * background tries again with the whole time limit.
	 * @param upload writes the upload to the file it is given
	 * @param format the upload's format, as detected from its bytes
	 * @return the upload's file, to close once stored
	 * @throws UnreadableVideoException when FFmpeg cannot read the file or finds no video
	 * stream in it
	 */
	public CheckedVideo check(Upload upload, MediaFormat format) {
		return inOwnDirectory(upload, format, "murmur-upload-", (directory, file) -> {
			long deadline = System.nanoTime() + this.settings.probeTimeout().toNanos();
			try {
				if (!this.probe.probe(file, deadline).hasVideo()) {
					throw new UnreadableVideoException(NO_VIDEO_STREAM);
				}
			}
			catch (VideoTimeoutException | IllegalStateException ex) {
				log.warn("An upload could not be probed while it waited (" + ex.getMessage()
						+ "): it is left to the background");
			}
			return new CheckedVideo(directory, file);
		});
	}

	/**
	 * Writes the upload into a new directory of its own under the work directory and
	 * works on it there; the directory is deleted unless the work returns.
	 */
	private <T> T inOwnDirectory(Upload upload, MediaFormat format, String prefix, UploadWork<T> work) {
		Path directory = null;
		try {
			directory = Files.createTempDirectory(Files.createDirectories(this.ffmpeg.workDirectory()), prefix);
			Path file = directory.resolve("upload." + format.extension());
			upload.writeTo(file);
			T result = work.apply(directory, file);
			directory = null;
			return result;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			if (directory != null) {
				ProcessedVideo.delete(directory);
			}
		}
	}

	@FunctionalInterface
	private interface UploadWork<T> {

		T apply(Path directory, Path file) throws IOException;

	}

	private ProcessedVideo transcode(Path directory, Path input) throws IOException {
		long deadline = System.nanoTime() + this.settings.timeout().toNanos();
		VideoProbe.VideoInfo source = this.probe.probe(input, deadline);
		if (!source.hasVideo()) {
			throw new UnreadableVideoException(NO_VIDEO_STREAM);
		}
		Path output = directory.resolve("video.mp4");
		run(directory, deadline, transcodeArguments(source, input, output), "the video cannot be decoded");
		Files.delete(input);
		VideoProbe.VideoInfo result = this.probe.probe(output, deadline);
		if (!result.hasVideo() || result.width() <= 0 || result.height() <= 0) {
			throw new UnreadableVideoException("the video has no frame that can be decoded");
		}
		checkNotTruncated(source.durationMs(), result.durationMs());
		Path poster = poster(directory, output, result.durationMs(), deadline);
		return new ProcessedVideo(directory, output, Files.size(output), result.width(), result.height(),
				result.durationMs(), Files.readAllBytes(poster));
	}

	private List<String> transcodeArguments(VideoProbe.VideoInfo source, Path input, Path output) {
		String threads = Integer.toString(this.settings.threads());
		int edge = this.settings.maxEdge();
		List<String> arguments = new ArrayList<>(
				List.of("-nostdin", "-hide_banner", "-loglevel", "error", "-y", "-threads", threads, "-filter_threads",
						threads, "-i", input.getFileName().toString(), "-map", "0:" + source.videoStream()));
		if (source.hasAudio()) {
			arguments.addAll(List.of("-map", "0:" + source.audioStream()));
		}
		arguments.addAll(List.of("-map_metadata", "-1", "-map_chapters", "-1", "-sn", "-dn", "-vf",
				"scale=w='min(" + edge + ",iw)':h='min(" + edge + ",ih)'"
						+ ":force_original_aspect_ratio=decrease:force_divisible_by=2,setsar=1,format=yuv420p",
				"-c:v", this.settings.encoder(), "-b:v", this.settings.videoBitrate() + "k", "-pix_fmt", "yuv420p"));
		if (source.hasAudio()) {
			arguments.addAll(List.of("-c:a", "aac", "-b:a", this.settings.audioBitrate() + "k"));
		}
		arguments.addAll(
				List.of("-threads", threads, "-movflags", "+faststart", "-f", "mp4", output.getFileName().toString()));
		return arguments;
	}

	/**
	 * A file cut short still transcodes, to the part that arrived: when far less plays
	 * than its container declares, it is refused rather than stored as a fragment.
	 */
	private static void checkNotTruncated(@Nullable Long declared, @Nullable Long played) {
		if (declared == null || played == null) {
			return;
		}
		if (played < declared / 2 && declared - played > 1000) {
			throw new UnreadableVideoException(
					String.format(Locale.ROOT, "the video is truncated: %.1f s of the %.1f s it declares play",
							played / 1000.0, declared / 1000.0));
		}
	}

	private Path poster(Path directory, Path video, @Nullable Long durationMs, long deadline) {
		Path poster = directory.resolve("poster.png");
		long at = (durationMs != null && durationMs >= SHORT_CLIP_MS) ? durationMs / 10 : 0;
		run(directory, deadline, posterArguments(video, poster, at), "no poster frame can be taken");
		if (at > 0 && !isNonEmpty(poster)) {
			run(directory, deadline, posterArguments(video, poster, 0), "no poster frame can be taken");
		}
		if (!isNonEmpty(poster)) {
			throw new UnreadableVideoException("the video has no frame to show as its poster");
		}
		return poster;
	}

	private List<String> posterArguments(Path video, Path poster, long atMs) {
		String threads = Integer.toString(this.settings.threads());
		return List.of("-nostdin", "-hide_banner", "-loglevel", "error", "-y", "-threads", threads, "-ss",
				String.format(Locale.ROOT, "%.3f", atMs / 1000.0), "-i", video.getFileName().toString(), "-map",
				"0:v:0", "-frames:v", "1", "-map_metadata", "-1", "-c:v", "png", "-f", "image2", "-update", "1",
				poster.getFileName().toString());
	}

	private void run(Path directory, long deadline, List<String> arguments, String failure) {
		try {
			this.ffmpeg.ffmpeg(directory, deadline, arguments);
		}
		catch (Ffmpeg.FfmpegFailedException ex) {
			throw new UnreadableVideoException(failure + " (" + ex.reason() + ")", ex);
		}
	}

	private static boolean isNonEmpty(Path file) {
		try {
			return Files.isRegularFile(file) && Files.size(file) > 0;
		}
		catch (IOException ex) {
			return false;
		}
	}

	/**
	 * Where the upload comes from.
	 */
	@FunctionalInterface
	public interface Upload {

		/**
		 * Writes the upload's bytes.
		 * @param target the file to write, which does not exist yet
		 * @throws IOException when the upload cannot be read or written
		 */
		void writeTo(Path target) throws IOException;

	}

	/**
	 * An upload that holds a video stream, kept in a directory of its own until closed.
	 *
	 * @param directory the directory, deleted on close
	 * @param file the upload
	 */
	public record CheckedVideo(Path directory, Path file) implements AutoCloseable {

		@Override
		public void close() {
			ProcessedVideo.delete(this.directory);
		}

	}

	/**
	 * A transcoded video, kept in a directory of its own until closed.
	 *
	 * @param directory the directory, deleted on close
	 * @param file the MP4
	 * @param size its size in bytes
	 * @param width its width in pixels
	 * @param height its height in pixels
	 * @param durationMs its duration, when FFmpeg can tell
	 * @param poster the poster frame, a PNG of the video's size
	 */
	public record ProcessedVideo(Path directory, Path file, long size, int width, int height, @Nullable Long durationMs,
			byte[] poster) implements AutoCloseable {

		@Override
		public void close() {
			delete(this.directory);
		}

		static void delete(Path directory) {
			try {
				FileSystemUtils.deleteRecursively(directory);
			}
			catch (IOException ex) {
				log.warn("Could not delete " + directory + ": " + ex);
			}
		}

	}

}
