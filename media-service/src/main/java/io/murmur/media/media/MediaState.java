package io.murmur.media.media;

import java.util.Locale;

/**
 * Where a media is in its life.
 */
public enum MediaState {

	/** A presigned upload was announced; its object has not been checked yet. */
	AWAITING_UPLOAD,

	/** The upload was accepted and is being processed in the background. */
	PROCESSING,

	/** The variants are stored; the media can be shown and attached. */
	READY,

	/** Processing refused the upload; the record says why and holds no objects. */
	FAILED;

	/** The state as stored and as sent in JSON. */
	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	static MediaState of(String value) {
		return valueOf(value.toUpperCase(Locale.ROOT));
	}

}
