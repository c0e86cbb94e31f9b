/**
 * Configuration: properties, Kafka, the clients of the other services, metrics.
 */
@NullMarked
package io.murmur.feed.config;

import org.jspecify.annotations.NullMarked;
