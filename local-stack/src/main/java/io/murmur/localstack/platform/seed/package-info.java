/**
 * {@code ./platform seed}: loads a real social graph into a running platform, the people
 * and their follows through the services' import endpoints and their posts through the
 * public API, so that a person can sign in as one of its people and try the feed.
 */
@NullMarked
package io.murmur.localstack.platform.seed;

import org.jspecify.annotations.NullMarked;
