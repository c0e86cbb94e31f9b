/**
 * Post ids: 64-bit, time-ordered, Snowflake layout.
 */
@NullMarked
package io.murmur.post.id;

import org.jspecify.annotations.NullMarked;
