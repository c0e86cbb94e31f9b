/**
 * The problem types of graph-service's own.
 */
@NullMarked
package io.murmur.graph.web;

import org.jspecify.annotations.NullMarked;
