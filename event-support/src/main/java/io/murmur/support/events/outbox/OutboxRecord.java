package io.murmur.support.events.outbox;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * An event as the outbox stores it, ready to send: what the relay needs and nothing of
 * the store's own bookkeeping.
 *
 * @param type the logical type id, such as {@code post.created.v1}, sent in the
 * {@code murmur-event-type} header
 * @param topic the topic
 * @param key the record key (the aggregate id): one key's events keep their order
 * @param payload the event's JSON
 * @param storedAt when the event was stored, if the store keeps it; the relay measures
 * the time from there to Kafka's acknowledgement
 */
public record OutboxRecord(String type, String topic, String key, byte[] payload, @Nullable Instant storedAt) {

}
