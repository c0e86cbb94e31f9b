/**
 * Live notifications over server-sent events, across replicas through PostgreSQL
 * LISTEN/NOTIFY.
 */
@NullMarked
package io.murmur.notification.stream;

import org.jspecify.annotations.NullMarked;
