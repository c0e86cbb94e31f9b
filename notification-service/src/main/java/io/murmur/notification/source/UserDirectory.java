package io.murmur.notification.source;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

import io.murmur.support.client.ServiceCalls;
import io.murmur.support.client.ServiceTokens;

/**
 * What notification-service asks user-service: the profiles of the people a page or an
 * event names, all in one batch.
 */
@Component
public class UserDirectory {

	/** The most users user-service returns in one batch. */
	public static final int MAX_BATCH = 200;

	private final ServiceClient users;

	UserDirectory(ServiceCalls services, ServiceTokens tokens) {
		this.users = new ServiceClient(services, "user", tokens);
	}

	/**
	 * Profiles by id; unknown users are left out.
	 * @param userIds at most {@value #MAX_BATCH} user ids
	 * @return the profiles found, by id
	 */
	public Map<Long, Profile> profiles(Collection<Long> userIds) {
		if (userIds.isEmpty()) {
			return Map.of();
		}
		Users found = this.users.call((client) -> client.post()
			.uri("/internal/users/batch")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("ids", userIds.stream().distinct().map(String::valueOf).toList())), Users.class);
		Map<Long, Profile> profiles = new LinkedHashMap<>();
		found.items().forEach((profile) -> profiles.put(Long.valueOf(profile.id()), profile));
		return profiles;
	}

	/**
	 * A person as a notification names them.
	 *
	 * @param id the user id
	 * @param handle the handle
	 * @param displayName the display name
	 * @param avatarUrl the avatar, if any
	 */
	public record Profile(String id, String handle, String displayName, @Nullable String avatarUrl) {

	}

	record Users(List<Profile> items) {

	}

}
