/**
 * Settings and the Elasticsearch client.
 */
@NullMarked
package io.murmur.search.config;

import org.jspecify.annotations.NullMarked;
