package io.murmur.media.media;

/**
 * A stored object of a media.
 *
 * @param name {@code original}, {@code preview} or {@code small}
 * @param key its S3 key
 * @param contentType its content type
 * @param width its width in pixels, or 0 when unknown (video)
 * @param height its height in pixels, or 0 when unknown
 * @param bytes its size
 */
public record StoredVariant(String name, String key, String contentType, int width, int height, long bytes) {

}
