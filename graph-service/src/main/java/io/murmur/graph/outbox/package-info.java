/**
 * The transactional outbox: events stored in Neo4j with the change they describe, and
 * relayed to Kafka in order.
 */
@NullMarked
package io.murmur.graph.outbox;

import org.jspecify.annotations.NullMarked;
