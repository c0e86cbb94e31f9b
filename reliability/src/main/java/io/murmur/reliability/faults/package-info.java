/**
 * The proof that nothing acknowledged is lost: a steady mixed workload through the
 * gateway that writes down every write the platform acknowledged, and the checker that
 * verifies each of them afterwards, whatever faults happened in between. Which faults,
 * and how they are injected, is up to the harness that drives it.
 */
@NullMarked
package io.murmur.reliability.faults;

import org.jspecify.annotations.NullMarked;
