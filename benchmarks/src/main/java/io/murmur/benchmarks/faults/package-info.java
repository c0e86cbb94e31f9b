/**
 * The fault campaign: a steady mixed workload through the gateway while one fault at a
 * time hits a service or a store, then the check that nothing acknowledged was lost or
 * doubled, written as a report under {@code docs/reliability/<date>/}. Run by
 * {@code benchmarks/run faults}.
 */
@NullMarked
package io.murmur.benchmarks.faults;

import org.jspecify.annotations.NullMarked;
