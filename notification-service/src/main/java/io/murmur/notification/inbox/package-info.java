/**
 * Each user's notifications in PostgreSQL: writing them grouped and counted, taking them
 * back, reading pages, the read marker.
 */
@NullMarked
package io.murmur.notification.inbox;

import org.jspecify.annotations.NullMarked;
