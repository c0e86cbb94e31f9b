/**
 * What an upload is, from its bytes alone: its type, and for images the dimensions its
 * header declares.
 */
@NullMarked
package io.murmur.media.inspect;

import org.jspecify.annotations.NullMarked;
