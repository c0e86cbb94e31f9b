/**
 * The search scenario: indexing throughput against a raw bulk load, post-search latency
 * through the gateway against Elasticsearch direct, and index lag under a mixed load.
 */
@NullMarked
package io.murmur.benchmarks.search;

import org.jspecify.annotations.NullMarked;
