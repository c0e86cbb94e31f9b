package io.murmur.media.media;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import io.murmur.media.inspect.MediaFormat;
import io.murmur.media.inspect.MediaKind;
import io.murmur.media.storage.MediaStorage;

/**
 * A media record.
 *
 * @param id the media id
 * @param ownerId the uploader, who alone may attach it
 * @param state where it is in its life
 * @param format the format detected from its bytes, {@code null} before they arrived
 * @param declaredSize the size a presigned upload announced
 * @param uploadExpiresAt when a presigned upload's URL expires
 * @param uploadSize the size of the upload as received
 * @param storedBytes the bytes its objects take in S3
 * @param width its width as seen
 * @param height its height as seen
 * @param durationMs a video's duration, when its container says
 * @param animated whether it is an animated GIF
 * @param blurhash the blurhash of an image's small preview
 * @param description the alt text
 * @param focusX the horizontal focus point, -1 (left) to 1 (right)
 * @param focusY the vertical focus point, -1 (bottom) to 1 (top)
 * @param variants its stored objects
 * @param failureReason why processing refused it
 * @param postId the post it is on
 * @param avatar whether it is its owner's avatar
 * @param createdAt when it was uploaded or announced
 * @param readyAt when it became ready
 */
public record Media(long id, long ownerId, MediaState state, @Nullable MediaFormat format, @Nullable Long declaredSize,
		@Nullable Instant uploadExpiresAt, @Nullable Long uploadSize, long storedBytes, @Nullable Integer width,
		@Nullable Integer height, @Nullable Long durationMs, boolean animated, @Nullable String blurhash,
		@Nullable String description, float focusX, float focusY, List<StoredVariant> variants,
		@Nullable String failureReason, @Nullable Long postId, boolean avatar, Instant createdAt,
		@Nullable Instant readyAt) {

	public Media {
		variants = List.copyOf(variants);
	}

	/**
	 * The kind of media as clients see it: {@code image}, {@code gif} or {@code video}.
	 */
	public String type() {
		if (this.format != null && this.format.kind() == MediaKind.VIDEO) {
			return "video";
		}
		return this.animated ? "gif" : "image";
	}

	/**
	 * A stored object by name.
	 * @param name the variant's name
	 * @return the variant
	 */
	public Optional<StoredVariant> variant(String name) {
		return this.variants.stream().filter((variant) -> variant.name().equals(name)).findFirst();
	}

	/**
	 * Every S3 key the media may occupy: its variants and its waiting upload.
	 * @return the keys
	 */
	public List<String> keys() {
		List<String> keys = new java.util.ArrayList<>(this.variants.stream().map(StoredVariant::key).toList());
		keys.add(MediaStorage.incomingKey(this.id));
		return keys;
	}

}
