package io.murmur.notification.inbox;

/**
 * What an undoing event takes back: the notification one actor's action on one post (or,
 * for a follow, on the recipient) caused.
 *
 * @param recipientId who was told
 * @param type what they were told of
 * @param actorId who did it
 * @param postId the post it was about, or {@code 0} for a follow
 */
public record Undo(long recipientId, NotificationType type, long actorId, long postId) {

}
