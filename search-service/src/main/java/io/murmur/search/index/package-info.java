/**
 * The indices: their definitions behind aliases, indexing from events, and the rebuild
 * from the sources of truth.
 */
@NullMarked
package io.murmur.search.index;

import org.jspecify.annotations.NullMarked;
