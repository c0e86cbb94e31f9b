/**
 * Friendship graphs read from edge lists, such as Network Repository's socfb-Reed98: what
 * {@code ./platform seed} loads into a running platform and what the benchmarks measure
 * it with.
 */
@NullMarked
package io.murmur.localstack.graph;

import org.jspecify.annotations.NullMarked;
