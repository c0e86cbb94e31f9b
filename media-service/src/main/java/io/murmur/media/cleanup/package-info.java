/**
 * Deleting media: unattached after a while, with a deleted post, or on request.
 */
@NullMarked
package io.murmur.media.cleanup;

import org.jspecify.annotations.NullMarked;
