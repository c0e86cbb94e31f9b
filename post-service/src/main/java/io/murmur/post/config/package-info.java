/**
 * The service's configuration: properties, the Cassandra session and its schema, and the
 * clock.
 */
@NullMarked
package io.murmur.post.config;

import org.jspecify.annotations.NullMarked;
