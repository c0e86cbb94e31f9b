package io.murmur.user.profile;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import io.murmur.user.account.UserResponse;

/**
 * A profile: the user with their follower and following counts from graph-service. The
 * counts are {@code null} only when graph-service could not be asked in time.
 *
 * @param id the user id
 * @param handle the handle
 * @param displayName the display name
 * @param bio the bio, empty if none
 * @param avatarUrl where the avatar is served (a short-lived URL), or {@code null}
 * @param avatarPreviewUrl its 1280 px preview, or {@code null}
 * @param avatarSmallUrl its 400 px preview, or {@code null}
 * @param createdAt when the account was created
 * @param followersCount how many follow the user
 * @param followingCount how many the user follows
 */
record ProfileResponse(String id, String handle, String displayName, String bio, @Nullable String avatarUrl,
		@Nullable String avatarPreviewUrl, @Nullable String avatarSmallUrl, Instant createdAt,
		@Nullable Long followersCount, @Nullable Long followingCount) {

	static ProfileResponse of(UserResponse user, FollowCounts.@Nullable Counts counts) {
		return new ProfileResponse(user.id(), user.handle(), user.displayName(), user.bio(), user.avatarUrl(),
				user.avatarPreviewUrl(), user.avatarSmallUrl(), user.createdAt(),
				(counts != null) ? counts.followersCount() : null, (counts != null) ? counts.followingCount() : null);
	}

}
