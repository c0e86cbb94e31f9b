/**
 * Applying post and graph events to feeds: push, pull, backfill and removal.
 */
@NullMarked
package io.murmur.feed.fanout;

import org.jspecify.annotations.NullMarked;
