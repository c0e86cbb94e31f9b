/**
 * The private S3 bucket: objects of each media and the URLs they are served at.
 */
@NullMarked
package io.murmur.media.storage;

import org.jspecify.annotations.NullMarked;
