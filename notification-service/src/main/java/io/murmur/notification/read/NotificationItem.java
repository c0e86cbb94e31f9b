package io.murmur.notification.read;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * A notification as the API shows it: a group ("Ana and 12 others liked your post") or a
 * single notification, which is a group of one.
 *
 * @param id the id of the notification, for a group its newest one: what {@code read}
 * takes as {@code upTo} and what a stream sends as the event id
 * @param groupId the group it belongs to; a stream's notification names the group a list
 * shows it in
 * @param type what happened
 * @param count how many notifications the group holds, 1 for a single one
 * @param actors who did it, newest first: every actor of a single notification, the
 * latest few of a group
 * @param post the post it is about: the liked or reposted post, the reply, the quote, the
 * post that mentions; {@code null} for a follow
 * @param targetPostId the recipient's own post a reply answers or a quote quotes
 * @param createdAt when it (the newest of a group) arrived
 * @param unread whether it is newer than the read marker
 */
public record NotificationItem(String id, String groupId, @Schema(allowableValues = {
		"follow", "like", "repost", "reply", "mention", "quote", "push_disabled" }) String type, int count,
		List<Actor> actors, @Nullable Post post, @Nullable String targetPostId, Instant createdAt, boolean unread){

	/**
	 * A person who acted; the profile fields are {@code null} when user-service did not
	 * answer or does not know them.
	 *
	 * @param id the user id
	 * @param handle the handle
	 * @param displayName the display name
	 * @param avatarUrl the avatar, if any
	 */
	public record Actor(String id, @Nullable String handle, @Nullable String displayName, @Nullable String avatarUrl) {

	}

	/**
	 * A post; {@code text} and {@code createdAt} are {@code null} when post-service did
	 * not answer or the post is gone.
	 *
	 * @param id the post id
	 * @param text its text
	 * @param createdAt when it was posted
	 */
	public record Post(String id, @Nullable String text, @Nullable Instant createdAt) {

	}

}
