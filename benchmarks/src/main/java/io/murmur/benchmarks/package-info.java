/**
 * Measures Murmur against references on the same machine and writes the report:
 * {@code benchmarks/run}.
 */
@NullMarked
package io.murmur.benchmarks;

import org.jspecify.annotations.NullMarked;
