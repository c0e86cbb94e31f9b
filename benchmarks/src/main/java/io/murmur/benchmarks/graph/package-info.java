/**
 * Follow graphs to load: the socfb-Reed98 dataset and a seeded synthetic power-law graph.
 */
@NullMarked
package io.murmur.benchmarks.graph;

import org.jspecify.annotations.NullMarked;
