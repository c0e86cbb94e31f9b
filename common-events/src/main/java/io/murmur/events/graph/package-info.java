/**
 * Events published by graph-service on {@value io.murmur.events.Topics#GRAPH}, keyed by
 * follower id.
 */
@NullMarked
package io.murmur.events.graph;

import org.jspecify.annotations.NullMarked;
