/**
 * The service's configuration: properties, the Cassandra session and its schema,
 * scheduling and the clock.
 */
@NullMarked
package io.murmur.post.config;

import org.jspecify.annotations.NullMarked;
