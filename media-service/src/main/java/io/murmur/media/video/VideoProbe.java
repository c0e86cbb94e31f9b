package io.murmur.media.video;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;

import com.drew.imaging.ImageMetadataReader;
import com.drew.imaging.ImageProcessingException;
import com.drew.metadata.Directory;
import com.drew.metadata.Metadata;
import com.drew.metadata.mov.QuickTimeDirectory;
import com.drew.metadata.mov.media.QuickTimeVideoDirectory;
import com.drew.metadata.mp4.Mp4Directory;
import com.drew.metadata.mp4.media.Mp4VideoDirectory;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

import io.murmur.media.inspect.MediaFormat;

/**
 * What a video's container says about it, read with metadata-extractor without decoding a
 * frame: the frame size and the duration of MP4 and QuickTime (MOV) files. WebM is not
 * read (metadata-extractor has no Matroska reader), so its size and duration stay
 * unknown. The video itself is stored as uploaded: no library from Maven Central that
 * resolves here transcodes or renders a poster frame without a native FFmpeg.
 */
@Component
public class VideoProbe {

	/**
	 * Reads a video's container.
	 * @param content the video, from its start
	 * @param format its format
	 * @return what the container says; empty fields where it says nothing
	 */
	public VideoInfo probe(InputStream content, MediaFormat format) {
		if (format == MediaFormat.WEBM) {
			return VideoInfo.UNKNOWN;
		}
		Metadata metadata;
		try {
			metadata = ImageMetadataReader.readMetadata(new BufferedInputStream(content));
		}
		catch (ImageProcessingException | IOException | RuntimeException ex) {
			throw new UnreadableVideoException(
					"the " + format.extension().toUpperCase(java.util.Locale.ROOT) + " container cannot be read", ex);
		}
		if (format == MediaFormat.MP4) {
			return new VideoInfo(
					integer(metadata.getFirstDirectoryOfType(Mp4VideoDirectory.class), Mp4VideoDirectory.TAG_WIDTH),
					integer(metadata.getFirstDirectoryOfType(Mp4VideoDirectory.class), Mp4VideoDirectory.TAG_HEIGHT),
					millis(metadata.getFirstDirectoryOfType(Mp4Directory.class), Mp4Directory.TAG_DURATION_SECONDS));
		}
		return new VideoInfo(
				integer(metadata.getFirstDirectoryOfType(QuickTimeVideoDirectory.class),
						QuickTimeVideoDirectory.TAG_WIDTH),
				integer(metadata.getFirstDirectoryOfType(QuickTimeVideoDirectory.class),
						QuickTimeVideoDirectory.TAG_HEIGHT),
				millis(metadata.getFirstDirectoryOfType(QuickTimeDirectory.class),
						QuickTimeDirectory.TAG_DURATION_SECONDS));
	}

	private static @Nullable Integer integer(@Nullable Directory directory, int tag) {
		if (directory == null || !directory.containsTag(tag)) {
			return null;
		}
		Integer value = directory.getInteger(tag);
		return (value != null && value > 0) ? value : null;
	}

	private static @Nullable Long millis(@Nullable Directory directory, int tag) {
		if (directory == null || !directory.containsTag(tag)) {
			return null;
		}
		Object value = directory.getObject(tag);
		if (value instanceof Number number) {
			return Math.round(number.doubleValue() * 1000);
		}
		if (value instanceof com.drew.lang.Rational rational) {
			return Math.round(rational.doubleValue() * 1000);
		}
		return null;
	}

	/**
	 * What a container says.
	 *
	 * @param width the frame width, or {@code null}
	 * @param height the frame height, or {@code null}
	 * @param durationMs the duration in milliseconds, or {@code null}
	 */
	public record VideoInfo(@Nullable Integer width, @Nullable Integer height, @Nullable Long durationMs) {

		static final VideoInfo UNKNOWN = new VideoInfo(null, null, null);

	}

	/**
	 * A video whose container cannot be read.
	 */
	public static class UnreadableVideoException extends RuntimeException {

		UnreadableVideoException(String message, Throwable cause) {
			super(message, cause);
		}

	}

}
