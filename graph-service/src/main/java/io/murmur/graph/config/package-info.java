/**
 * Configuration: the service's properties, security, Kafka and scheduling.
 */
@NullMarked
package io.murmur.graph.config;

import org.jspecify.annotations.NullMarked;
