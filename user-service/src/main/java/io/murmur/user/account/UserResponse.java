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
 * @param avatarUrl where the avatar is served (a short-lived URL, at most 4096 px), or
 * {@code null} if the user has none or media-service cannot describe it right now
 * @param avatarPreviewUrl its 1280 px preview, or {@code null}
 * @param avatarSmallUrl its 400 px preview, or {@code null}
 * @param createdAt when the account was created
 */
public record UserResponse(String id, String handle, String displayName, String bio, @Nullable String avatarUrl,
		@Nullable String avatarPreviewUrl, @Nullable String avatarSmallUrl, Instant createdAt) {

}
