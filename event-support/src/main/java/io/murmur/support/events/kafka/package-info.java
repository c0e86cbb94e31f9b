/**
 * How every service talks to Kafka: event serialization both ways, one error handler with
 * back-off and a dead-letter topic per consumer group, and the topics it uses.
 */
@NullMarked
package io.murmur.support.events.kafka;

import org.jspecify.annotations.NullMarked;
