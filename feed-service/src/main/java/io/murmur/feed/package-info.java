/**
 * feed-service: home feeds in Redis.
 */
@NullMarked
package io.murmur.feed;

import org.jspecify.annotations.NullMarked;
