package io.murmur.media.video;

/**
 * An upload that is not a video FFmpeg can read whole: damaged, truncated, or without a
 * video stream. Trying again would change nothing.
 */
public class UnreadableVideoException extends RuntimeException {

	UnreadableVideoException(String message) {
		super(message);
	}

	UnreadableVideoException(String message, Throwable cause) {
		super(message, cause);
	}

}
