/**
 * Configuration: the service's properties, Neo4j failures, Kafka and scheduling.
 */
@NullMarked
package io.murmur.graph.config;

import org.jspecify.annotations.NullMarked;
