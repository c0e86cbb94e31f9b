/**
 * Running Gatling in a JVM of its own and reading its figures.
 */
@NullMarked
package io.murmur.benchmarks.load;

import org.jspecify.annotations.NullMarked;
