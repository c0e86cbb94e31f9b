/**
 * Configuration: how Neo4j's failures are answered and retried, and the transactions
 * every feature writes and reads in.
 */
@NullMarked
package io.murmur.graph.config;

import org.jspecify.annotations.NullMarked;
