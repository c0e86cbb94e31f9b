/**
 * The references Murmur is measured against: redis-benchmark, nginx, and the
 * gateway-overhead comparison.
 */
@NullMarked
package io.murmur.benchmarks.reference;

import org.jspecify.annotations.NullMarked;
