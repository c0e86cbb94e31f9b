/**
 * Internal reads for fan-out: every follower of a user, and the followed accounts too
 * large to push to.
 */
@NullMarked
package io.murmur.graph.fanout;

import org.jspecify.annotations.NullMarked;
