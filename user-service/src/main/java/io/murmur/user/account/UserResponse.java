package io.murmur.user.account;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A user as the API shows it. Ids are strings because they exceed the integers JavaScript
 * represents exactly. Follower counts belong to graph-service and are composed by the
 * callers that need them.
 *
 * @param id the user id
 * @param handle the handle, without {@code @}
 * @param displayName the name shown next to the handle
 * @param bio the bio, empty if none
 * @param avatarUrl where the avatar is served, or {@code null} if the user has none
 * @param createdAt when the account was created
 */
public record UserResponse(String id, String handle, String displayName, String bio, @Nullable String avatarUrl,
		Instant createdAt) {

}
