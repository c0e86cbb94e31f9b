/**
 * Timelines: a user's posts and reposts newest first, a post's replies oldest first, and
 * the merged timelines of many authors for home feeds.
 */
@NullMarked
package io.murmur.post.timeline;

import org.jspecify.annotations.NullMarked;
