/**
 * The home-feed scenarios: fan-out throughput, delivery lag, feed reads per fan-out
 * strategy and the mixed workload, each against the real platform.
 */
@NullMarked
package io.murmur.benchmarks.feed;

import org.jspecify.annotations.NullMarked;
