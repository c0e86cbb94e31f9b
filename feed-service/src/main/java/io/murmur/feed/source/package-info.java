/**
 * The sources of truth feeds are built from: graph-service, post-service and
 * user-service.
 */
@NullMarked
package io.murmur.feed.source;

import org.jspecify.annotations.NullMarked;
