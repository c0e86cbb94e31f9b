package io.murmur.media.video;

/**
 * A video whose processing ran past {@code murmur.media.video.timeout}: FFmpeg was killed
 * and the video is given up, since another attempt would take as long.
 */
public class VideoTimeoutException extends RuntimeException {

	VideoTimeoutException(String message) {
		super(message);
	}

}
