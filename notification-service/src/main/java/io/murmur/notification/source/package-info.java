/**
 * The other services notification-service asks, with its own service token: profiles,
 * posts and follows.
 */
@NullMarked
package io.murmur.notification.source;

import org.jspecify.annotations.NullMarked;
