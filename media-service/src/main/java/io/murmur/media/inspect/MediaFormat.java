package io.murmur.media.inspect;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The formats media-service accepts, each recognised by its content alone.
 */
public enum MediaFormat {

	JPEG(MediaKind.IMAGE, "jpg", "image/jpeg"),

	PNG(MediaKind.IMAGE, "png", "image/png"),

	WEBP(MediaKind.IMAGE, "webp", "image/webp"),

	GIF(MediaKind.IMAGE, "gif", "image/gif"),

	MP4(MediaKind.VIDEO, "mp4", "video/mp4", "video/x-m4v"),

	WEBM(MediaKind.VIDEO, "webm", "video/webm"),

	MOV(MediaKind.VIDEO, "mov", "video/quicktime");

	private final MediaKind kind;

	private final String extension;

	private final String contentType;

	private final List<String> detectedAs;

	MediaFormat(MediaKind kind, String extension, String contentType, String... alsoDetectedAs) {
		this.kind = kind;
		this.extension = extension;
		this.contentType = contentType;
		this.detectedAs = java.util.stream.Stream
			.concat(java.util.stream.Stream.of(contentType), Arrays.stream(alsoDetectedAs))
			.toList();
	}

	public MediaKind kind() {
		return this.kind;
	}

	/** The file extension of stored objects of this format. */
	public String extension() {
		return this.extension;
	}

	/** The content type objects of this format are stored and served with. */
	public String contentType() {
		return this.contentType;
	}

	/**
	 * The format of a detected media type.
	 * @param mediaType the type detected from the content, without parameters
	 * @return the format, or empty when the type is not accepted
	 */
	public static Optional<MediaFormat> ofDetected(String mediaType) {
		return Arrays.stream(values()).filter((format) -> format.detectedAs.contains(mediaType)).findFirst();
	}

	/**
	 * The format a client names for a presigned upload.
	 * @param contentType the content type the client declared
	 * @return the format, or empty when the type is not accepted
	 */
	public static Optional<MediaFormat> ofDeclared(String contentType) {
		String type = contentType.split(";", 2)[0].strip().toLowerCase(java.util.Locale.ROOT);
		return ofDetected(type);
	}

}
