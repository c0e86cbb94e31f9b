/**
 * The analysis components of search-service's index mappings, as an Elasticsearch plugin
 * on the stable plugin API: Lucene's analysis library wrapped as named token filters.
 * <p>
 * The plugin exists because the Elasticsearch distribution Murmur runs in development and
 * tests lacks the analysis-common module, and no module of that version is published to
 * install; building what the mappings need on the stable API keeps the mapping tested the
 * mapping shipped. Elasticsearch's {@code lib/} holds Lucene's analysis library, so the
 * plugin bundles nothing but these classes.
 */
@NullMarked
package io.murmur.search.analysis;

import org.jspecify.annotations.NullMarked;
