/**
 * The Cassandra outbox: events are written in the logged batch of the change that caused
 * them and handed to the shared relay in order, at least once.
 */
@NullMarked
package io.murmur.post.outbox;

import org.jspecify.annotations.NullMarked;
