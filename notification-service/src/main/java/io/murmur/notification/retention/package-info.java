/**
 * Pruning of old read notifications and of the record of handled events.
 */
@NullMarked
package io.murmur.notification.retention;

import org.jspecify.annotations.NullMarked;
