/**
 * What creates a notification: the post and graph events consumed from Kafka, the rules
 * of who is told, and the undoing of what an event caused.
 */
@NullMarked
package io.murmur.notification.ingest;

import org.jspecify.annotations.NullMarked;
