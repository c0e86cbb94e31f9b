/**
 * The media scenario: how fast media-service turns a 12 MP photo into its variants next
 * to decoding and resizing alone, and how long an upload takes to be ready through the
 * gateway.
 */
@NullMarked
package io.murmur.benchmarks.media;

import org.jspecify.annotations.NullMarked;
