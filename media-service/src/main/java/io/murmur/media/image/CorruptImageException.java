package io.murmur.media.image;

/**
 * An image could not be decoded: truncated, corrupt, or not what its header says.
 */
public class CorruptImageException extends RuntimeException {

	CorruptImageException(String message) {
		super(message);
	}

	CorruptImageException(String message, Throwable cause) {
		super(message, cause);
	}

}
