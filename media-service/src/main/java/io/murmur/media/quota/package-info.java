/**
 * The bytes each user may upload per day.
 */
@NullMarked
package io.murmur.media.quota;

import org.jspecify.annotations.NullMarked;
