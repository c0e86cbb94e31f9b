/**
 * Users in the graph: their nodes, created from {@code UserRegistered} events or, for a
 * user the graph has not heard of yet, from user-service, and their follower counts.
 */
@NullMarked
package io.murmur.graph.user;

import org.jspecify.annotations.NullMarked;
