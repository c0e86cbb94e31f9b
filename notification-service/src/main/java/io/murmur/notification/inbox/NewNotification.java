package io.murmur.notification.inbox;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A notification to store.
 *
 * @param recipientId who is told
 * @param type what happened
 * @param actorId who did it; {@code null} for the service's own notices
 * @param postId the post it is about: the liked or reposted post, the reply, the quote,
 * the post that mentions; {@code null} for a follow
 * @param targetPostId the recipient's post a reply answers or a quote quotes
 * @param occurredAt when the action happened at the service that published it
 */
public record NewNotification(long recipientId, NotificationType type, @Nullable Long actorId, @Nullable Long postId,
		@Nullable Long targetPostId, Instant occurredAt) {

	/**
	 * What the notification groups by within its recipient's notifications.
	 * @return {@code like:<post id>}, {@code repost:<post id>}, {@code follow}, or
	 * {@code null} for a type that is not grouped
	 */
	@Nullable String groupKey() {
		if (!this.type.isGrouped()) {
			return null;
		}
		return (this.postId != null) ? this.type.id() + ":" + this.postId : this.type.id();
	}

}
