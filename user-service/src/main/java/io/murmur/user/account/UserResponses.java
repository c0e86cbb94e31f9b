package io.murmur.user.account;

import java.net.URI;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

import io.murmur.user.config.UserProperties;

/**
 * Turns accounts into {@link UserResponse}s, building avatar URLs from the configured
 * media base URL.
 */
@Component
public class UserResponses {

	private final String mediaBaseUrl;

	UserResponses(UserProperties properties) {
		URI baseUrl = properties.media().baseUrl();
		String base = baseUrl.toString();
		this.mediaBaseUrl = base.endsWith("/") ? base : base + "/";
	}

	/**
	 * The API form of an account.
	 * @param user the account
	 * @return the response
	 */
	public UserResponse of(User user) {
		return new UserResponse(Long.toString(user.getId()), user.getHandle(), user.getDisplayName(), user.getBio(),
				avatarUrl(user.getAvatarMediaId()), user.getCreatedAt());
	}

	private @Nullable String avatarUrl(@Nullable Long avatarMediaId) {
		return (avatarMediaId != null) ? this.mediaBaseUrl + avatarMediaId : null;
	}

}
