/**
 * Reading a home feed: merge, continuation, filtering and hydration.
 */
@NullMarked
package io.murmur.feed.read;

import org.jspecify.annotations.NullMarked;
