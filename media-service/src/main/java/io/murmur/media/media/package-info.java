/**
 * Media: uploads (multipart and presigned), their records, processing and the public API.
 */
@NullMarked
package io.murmur.media.media;

import org.jspecify.annotations.NullMarked;
