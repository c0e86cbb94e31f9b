package io.murmur.user.account;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

import io.murmur.user.media.Avatar;
import io.murmur.user.media.MediaLibrary;

/**
 * Turns accounts into {@link UserResponse}s, with their avatars' URLs from media-service,
 * asked once for all the accounts of a response. The URLs are short-lived, so they are
 * asked for at every read and never stored. An avatar media-service no longer has, or
 * cannot describe right now, reads as none.
 */
@Component
public class UserResponses {

	private final MediaLibrary media;

	UserResponses(MediaLibrary media) {
		this.media = media;
	}

	/**
	 * The API form of an account.
	 * @param user the account
	 * @return the response
	 */
	public UserResponse of(User user) {
		return of(List.of(user)).get(0);
	}

	/**
	 * The API form of accounts, with one call to media-service for all their avatars.
	 * @param users the accounts
	 * @return the responses, in the same order
	 */
	public List<UserResponse> of(List<User> users) {
		List<Long> avatarIds = users.stream().map(User::getAvatarMediaId).filter(Objects::nonNull).toList();
		Map<Long, Avatar> avatars = avatarIds.isEmpty() ? Map.of() : this.media.avatars(avatarIds).orElse(Map.of());
		return users.stream().map((user) -> of(user, avatarOf(user, avatars))).toList();
	}

	private static @Nullable Avatar avatarOf(User user, Map<Long, Avatar> avatars) {
		return (user.getAvatarMediaId() != null) ? avatars.get(user.getAvatarMediaId()) : null;
	}

	private static UserResponse of(User user, @Nullable Avatar avatar) {
		return new UserResponse(Long.toString(user.getId()), user.getHandle(), user.getDisplayName(), user.getBio(),
				(avatar != null) ? avatar.url() : null, (avatar != null) ? avatar.previewUrl() : null,
				(avatar != null) ? avatar.smallUrl() : null, user.getCreatedAt());
	}

}
