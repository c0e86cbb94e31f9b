/**
 * The Redis structures of home feeds and of authors' recent entries, cluster-safe by hash
 * tags.
 */
@NullMarked
package io.murmur.feed.store;

import org.jspecify.annotations.NullMarked;
