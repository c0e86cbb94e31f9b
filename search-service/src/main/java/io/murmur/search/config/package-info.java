/**
 * Settings, the Elasticsearch client and the OpenAPI document.
 */
@NullMarked
package io.murmur.search.config;

import org.jspecify.annotations.NullMarked;
