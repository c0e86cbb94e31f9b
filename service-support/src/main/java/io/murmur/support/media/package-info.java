/**
 * The one shape of a media on a post, shared by every service that shows posts.
 */
@NullMarked
package io.murmur.support.media;

import org.jspecify.annotations.NullMarked;
