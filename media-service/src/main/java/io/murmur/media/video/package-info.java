/**
 * Video: what its container says (size, duration), without decoding it.
 */
@NullMarked
package io.murmur.media.video;

import org.jspecify.annotations.NullMarked;
