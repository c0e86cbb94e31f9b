/**
 * The notification scenario: a burst of likes on one post, the author's reads, and the
 * live stream's lag under the mixed workload.
 */
@NullMarked
package io.murmur.benchmarks.notification;

import org.jspecify.annotations.NullMarked;
