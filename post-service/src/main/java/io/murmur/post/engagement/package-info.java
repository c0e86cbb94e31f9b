/**
 * Likes and reposts of posts, idempotent, with exact counts, and the counters every post
 * shows.
 */
@NullMarked
package io.murmur.post.engagement;

import org.jspecify.annotations.NullMarked;
