/**
 * Posts: publishing, reading, deleting, timelines and replies, likes and reposts with
 * their counts, mentions and hashtags.
 */
@NullMarked
package io.murmur.post.post;

import org.jspecify.annotations.NullMarked;
