/**
 * The transactional outbox: events are stored with the change that caused them and
 * relayed to Kafka in order.
 */
@NullMarked
package io.murmur.user.outbox;

import org.jspecify.annotations.NullMarked;
