/**
 * The event contracts every Murmur service shares: the
 * {@link io.murmur.events.MurmurEvent} type, the {@link io.murmur.events.EventType}
 * registry of logical type ids, the {@link io.murmur.events.Topics} and the Kafka
 * (de)serialisers. The events themselves live in one package per producing context.
 */
@NullMarked
package io.murmur.events;

import org.jspecify.annotations.NullMarked;
