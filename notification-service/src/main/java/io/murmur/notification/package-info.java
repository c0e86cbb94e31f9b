/**
 * notification-service: notifications of follows, likes, reposts, replies, quotes and
 * mentions, grouped, live and pushed.
 */
@NullMarked
package io.murmur.notification;

import org.jspecify.annotations.NullMarked;
