/**
 * The run's report: summary.json, README.md and charts, with medians and spread over
 * repetitions.
 */
@NullMarked
package io.murmur.benchmarks.report;

import org.jspecify.annotations.NullMarked;
