/**
 * feed-service's Redis, by kind of key: home feeds
 * ({@link io.murmur.feed.store.HomeFeeds}), authors' caches for the pull side
 * ({@link io.murmur.feed.store.AuthorCaches}) and authors' follower ids for fan-out
 * ({@link io.murmur.feed.store.FollowerSets}); every key of a user carries the user id as
 * its hash tag, so that the scripts stay valid on Redis Cluster.
 */
@NullMarked
package io.murmur.feed.store;

import org.jspecify.annotations.NullMarked;
