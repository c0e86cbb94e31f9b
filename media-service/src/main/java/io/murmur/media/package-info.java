/**
 * media-service: images and short video of Murmur users, on S3.
 */
@NullMarked
package io.murmur.media;

import org.jspecify.annotations.NullMarked;
