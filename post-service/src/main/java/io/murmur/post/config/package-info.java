/**
 * The service's configuration: its properties and the Cassandra session with its schema.
 */
@NullMarked
package io.murmur.post.config;

import org.jspecify.annotations.NullMarked;
