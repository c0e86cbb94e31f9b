/**
 * The platform under test: where its parts listen, and the accounts the load runs as.
 */
@NullMarked
package io.murmur.benchmarks.platform;

import org.jspecify.annotations.NullMarked;
