package io.murmur.media.inspect;

/**
 * What kind of media an upload is, which decides its size limit and how it is processed.
 */
public enum MediaKind {

	/** A still image, or an animated GIF, which stays animated. */
	IMAGE,

	/** A short video, stored as uploaded. */
	VIDEO

}
