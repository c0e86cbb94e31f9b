package io.murmur.notification.inbox;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One stored notification.
 *
 * @param id its id
 * @param groupId its group
 * @param groupCount how many members its group has now
 * @param type what happened
 * @param actorId who did it, if a person did
 * @param postId the post it is about, if any
 * @param targetPostId the recipient's post a reply or quote is about, if any
 * @param occurredAt when the action happened at the service that published it
 * @param createdAt when it was stored
 */
public record NotificationRow(long id, long groupId, int groupCount, NotificationType type, @Nullable Long actorId,
		@Nullable Long postId, @Nullable Long targetPostId, Instant occurredAt, Instant createdAt) {

}
