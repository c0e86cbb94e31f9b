/**
 * Clients of the services search reads from: post-service, user-service and
 * graph-service.
 */
@NullMarked
package io.murmur.search.source;

import org.jspecify.annotations.NullMarked;
