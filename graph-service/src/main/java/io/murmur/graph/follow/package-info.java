/**
 * Follows: follow and unfollow, follower and following pages, and a viewer's
 * relationships.
 */
@NullMarked
package io.murmur.graph.follow;

import org.jspecify.annotations.NullMarked;
