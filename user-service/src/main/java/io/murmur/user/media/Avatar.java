package io.murmur.user.media;

import org.jspecify.annotations.Nullable;

/**
 * An avatar's URLs as media-service gives them when a profile is read: short-lived
 * (presigned), so never stored.
 *
 * @param id the media id
 * @param url the image, at most 4096 px on its long edge
 * @param previewUrl its 1280 px preview
 * @param smallUrl its 400 px preview
 */
public record Avatar(String id, @Nullable String url, @Nullable String previewUrl, @Nullable String smallUrl) {

}
