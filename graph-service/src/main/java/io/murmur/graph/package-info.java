/**
 * graph-service: the follow graph in Neo4j.
 */
@NullMarked
package io.murmur.graph;

import org.jspecify.annotations.NullMarked;
