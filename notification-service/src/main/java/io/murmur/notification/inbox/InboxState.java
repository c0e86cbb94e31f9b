package io.murmur.notification.inbox;

/**
 * A user's read marker and the count of notifications above it.
 *
 * @param readUpTo the id of the newest notification read, {@code 0} before any
 * @param unread how many notifications are newer than that
 */
public record InboxState(long readUpTo, long unread) {

}
