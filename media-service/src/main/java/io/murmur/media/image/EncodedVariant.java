package io.murmur.media.image;

/**
 * One stored size of an image, encoded and free of metadata.
 *
 * @param name {@code original}, {@code preview} or {@code small}
 * @param contentType its content type
 * @param extension its file extension
 * @param width its width in pixels, as seen (orientation applied)
 * @param height its height in pixels, as seen
 * @param bytes the encoded file
 */
public record EncodedVariant(String name, String contentType, String extension, int width, int height, byte[] bytes) {

}
