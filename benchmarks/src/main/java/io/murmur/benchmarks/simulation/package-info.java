/**
 * Gatling simulations, public because Gatling instantiates them in a JVM of its own.
 */
@NullMarked
package io.murmur.benchmarks.simulation;

import org.jspecify.annotations.NullMarked;
