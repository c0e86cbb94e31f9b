package io.murmur.support.media;

import org.jspecify.annotations.Nullable;

/**
 * A media as a post shows it wherever it is shown (a post, a feed, a search result), as
 * media-service describes it when the post is read: its URLs are short-lived (presigned)
 * and so never stored with the post. When media-service could not be asked, only
 * {@code id} is set and every other field is {@code null}.
 *
 * @param id the media id
 * @param type {@code image}, {@code gif} or {@code video}
 * @param url the original (at most 4096 px), or the video transcoded to H.264/AAC MP4
 * @param previewUrl the 1280 px preview of an image
 * @param width the width as seen
 * @param height the height as seen
 * @param blurhash the blurhash of the small preview
 * @param description the alt text
 * @param focus the focus point, each coordinate in [-1, 1]
 */
public record MediaView(String id, @Nullable String type, @Nullable String url, @Nullable String previewUrl,
		@Nullable Integer width, @Nullable Integer height, @Nullable String blurhash, @Nullable String description,
		@Nullable Focus focus) {

	/**
	 * A media whose description could not be had: its id only.
	 * @param id the media id
	 * @return the placeholder
	 */
	public static MediaView unavailable(long id) {
		return new MediaView(Long.toString(id), null, null, null, null, null, null, null, null);
	}

	/**
	 * Where the picture's subject is, for cropping.
	 *
	 * @param x from -1 (left) to 1 (right)
	 * @param y from -1 (bottom) to 1 (top)
	 */
	public record Focus(double x, double y) {

	}

}
