package io.murmur.feed.source;

import org.jspecify.annotations.Nullable;

/**
 * A media of a post as post-service describes it when the post is read, with URLs that
 * are valid for a short while only: feed-service passes it on and never keeps it. When
 * media-service could not be asked, only {@code id} is set.
 *
 * @param id the media id
 * @param type {@code image}, {@code gif} or {@code video}
 * @param url the original, or the video as uploaded
 * @param previewUrl the 1280 px preview of an image
 * @param width the width as seen
 * @param height the height as seen
 * @param blurhash the blurhash of the small preview
 * @param description the alt text
 * @param focus the focus point
 */
public record MediaView(String id, @Nullable String type, @Nullable String url, @Nullable String previewUrl,
		@Nullable Integer width, @Nullable Integer height, @Nullable String blurhash, @Nullable String description,
		@Nullable Focus focus) {

	/**
	 * Where the picture's subject is, for cropping.
	 *
	 * @param x from -1 (left) to 1 (right)
	 * @param y from -1 (bottom) to 1 (top)
	 */
	public record Focus(double x, double y) {

	}

}
