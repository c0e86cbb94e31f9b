/**
 * post-service: posts, timelines, likes and reposts in Cassandra.
 */
@NullMarked
package io.murmur.post;

import org.jspecify.annotations.NullMarked;
