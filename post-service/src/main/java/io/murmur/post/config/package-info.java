/**
 * The service's configuration: properties, security, the Cassandra session and its
 * schema, JSON, scheduling and the clock.
 */
@NullMarked
package io.murmur.post.config;

import org.jspecify.annotations.NullMarked;
