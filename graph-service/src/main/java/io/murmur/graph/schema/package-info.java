/**
 * The Neo4j schema: constraints and indexes, created at start-up.
 */
@NullMarked
package io.murmur.graph.schema;

import org.jspecify.annotations.NullMarked;
