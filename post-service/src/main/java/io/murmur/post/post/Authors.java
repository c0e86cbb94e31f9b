package io.murmur.post.post;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClientException;

import io.murmur.post.post.PostResponse.Author;
import io.murmur.support.profile.UserProfiles;
import io.murmur.support.profile.UserView;

/**
 * The authors a page of posts names, as user-service describes them (through the shared
 * {@link UserProfiles}, with post-service's service token, kept for a short while), so
 * that a post shows its author as feed and search show theirs. When user-service cannot
 * answer, the posts are still shown, their authors by id with an empty handle and name,
 * as feed-service shows a user it cannot find.
 */
@Component
class Authors {

	private static final Log log = LogFactory.getLog(Authors.class);

	private final UserProfiles profiles;

	Authors(UserProfiles profiles) {
		this.profiles = profiles;
	}

	/**
	 * The authors by id; one user-service does not know, or that it cannot describe right
	 * now, by id only.
	 * @param userIds the user ids
	 * @return an author for every id
	 */
	Map<Long, Author> of(Collection<Long> userIds) {
		if (userIds.isEmpty()) {
			return Map.of();
		}
		Map<Long, UserView> found;
		try {
			found = this.profiles.find(userIds);
		}
		catch (RestClientException | IllegalStateException ex) {
			log.warn("Could not describe authors through user-service, showing their ids only: " + ex);
			found = Map.of();
		}
		Map<Long, Author> authors = new HashMap<>();
		for (Long id : userIds) {
			UserView user = found.getOrDefault(id, UserView.unknown(id));
			authors.put(id, new Author(user.id(), user.handle(), user.displayName(), user.avatarUrl()));
		}
		return authors;
	}

}
