package io.murmur.media.media;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * A media as clients see it. Post and feed items carry the same fields.
 *
 * @param id the media id
 * @param type {@code image}, {@code gif} (animated, served as GIF) or {@code video}
 * @param state {@code awaiting_upload}, {@code processing}, {@code ready} or
 * {@code failed}
 * @param contentType the type of the original as stored
 * @param url the original, downscaled to at most 4096 px (an image), or the H.264/AAC MP4
 * transcoded from the upload (a video)
 * @param previewUrl the 1280 px preview (an image), or the poster frame (a video)
 * @param smallUrl the 400 px preview (of an image, or of a video's poster frame)
 * @param width the width as seen
 * @param height the height as seen
 * @param aspect width divided by height
 * @param blurhash the blurhash of the small preview
 * @param description the alt text
 * @param focus the focus point
 * @param durationSeconds a video's duration
 * @param sizeBytes the bytes stored for it
 * @param variants every stored object with its URL
 * @param failureReason why processing refused it, when {@code failed}
 * @param createdAt when it was uploaded
 */
public record MediaResponse(String id, @Schema(allowableValues = {
		"image", "gif", "video" }) String type,
		@Schema(allowableValues = { "awaiting_upload", "processing", "ready", "failed" }) String state,
		@Nullable String contentType, @Nullable String url, @Nullable String previewUrl, @Nullable String smallUrl,
		@Nullable Integer width, @Nullable Integer height, @Nullable Double aspect, @Nullable String blurhash,
		@Nullable String description, Focus focus, @Nullable Double durationSeconds, long sizeBytes,
		List<VariantResponse> variants, @Nullable String failureReason, Instant createdAt){

	/**
	 * One stored object.
	 *
	 * @param name {@code original}, {@code preview} or {@code small}
	 * @param url where to download it
	 * @param contentType its type
	 * @param width its width, 0 when unknown
	 * @param height its height, 0 when unknown
	 * @param sizeBytes its size
	 */
	public record VariantResponse(String name, String url, String contentType, int width, int height, long sizeBytes) {

	}

}
