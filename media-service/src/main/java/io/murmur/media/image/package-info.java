/**
 * Image processing: decoding with bounded memory, orientation, sRGB, size variants
 * without metadata, blurhash.
 */
@NullMarked
package io.murmur.media.image;

import org.jspecify.annotations.NullMarked;
