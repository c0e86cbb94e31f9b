package io.murmur.support.profile;

import org.jspecify.annotations.Nullable;

/**
 * A user as a post, a feed item or a search result names them.
 *
 * @param id the user id
 * @param handle the handle
 * @param displayName the display name
 * @param avatarUrl the avatar, if any
 */
public record UserView(String id, String handle, String displayName, @Nullable String avatarUrl) {

	/**
	 * A user known only by id: what a page shows when user-service cannot describe them.
	 * @param id the user id
	 * @return the user with an empty handle and name
	 */
	public static UserView unknown(long id) {
		return new UserView(Long.toString(id), "", "", null);
	}

}
