/**
 * {@code ./platform seed}: loads a real social graph into a running platform through the
 * services' public API, so that a person can sign in as one of its people and try the
 * feed.
 */
@NullMarked
package io.murmur.localstack.platform.seed;

import org.jspecify.annotations.NullMarked;
