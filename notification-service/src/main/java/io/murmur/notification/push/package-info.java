/**
 * Webhooks: registration with a signing secret, the durable delivery queue, signed and
 * coalesced deliveries with retries, and the guard against private addresses.
 */
@NullMarked
package io.murmur.notification.push;

import org.jspecify.annotations.NullMarked;
