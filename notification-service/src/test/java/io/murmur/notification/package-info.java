/**
 * Tests of notification-service against real PostgreSQL and Kafka, with stand-ins for
 * user-, post- and graph-service.
 */
@NullMarked
package io.murmur.notification;

import org.jspecify.annotations.NullMarked;
