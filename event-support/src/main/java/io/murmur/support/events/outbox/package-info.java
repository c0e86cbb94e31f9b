/**
 * The transactional outbox: an event is stored with the change it describes, in the same
 * transaction or batch, and a relay publishes it to Kafka afterwards, in order, at least
 * once, even if Kafka was away when the change was made.
 */
@NullMarked
package io.murmur.support.events.outbox;

import org.jspecify.annotations.NullMarked;
