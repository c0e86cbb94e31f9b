/**
 * The transactional outbox in Neo4j: events stored in the graph with the change they
 * describe, and the store the shared relay publishes them to Kafka from, in order.
 */
@NullMarked
package io.murmur.graph.outbox;

import org.jspecify.annotations.NullMarked;
