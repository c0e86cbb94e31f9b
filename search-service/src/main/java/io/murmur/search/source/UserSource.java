package io.murmur.search.source;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

import io.murmur.support.client.ServiceCalls;
import io.murmur.support.client.ServiceTokens;
import io.murmur.support.profile.UserProfiles;
import io.murmur.support.profile.UserView;

/**
 * What search-service asks user-service: the people a page of results names (through the
 * shared {@link UserProfiles}, kept for a short while), and every user, page by page, to
 * rebuild the index.
 */
@Component
public class UserSource {

	private final RestClient client;

	private final ServiceTokens tokens;

	private final UserProfiles profiles;

	UserSource(ServiceCalls services, ServiceTokens tokens, UserProfiles profiles) {
		this.client = services.client("user");
		this.tokens = tokens;
		this.profiles = profiles;
	}

	/**
	 * Users by id; unknown ones are left out.
	 * @param userIds the user ids
	 * @param token the reader's access token, or {@code null} for the service's own
	 * @return the users found, by id
	 */
	public Map<String, UserView> users(Collection<String> userIds, @Nullable String token) {
		List<Long> ids = userIds.stream().map(Long::valueOf).toList();
		Map<Long, UserView> found = (token != null) ? this.profiles.find(ids, token) : this.profiles.find(ids);
		Map<String, UserView> byId = new HashMap<>();
		found.values().forEach((user) -> byId.put(user.id(), user));
		return byId;
	}

	/**
	 * A page of every user, for a rebuild.
	 * @param cursor where to go on, {@code null} for the first page
	 * @param limit how many to read
	 * @return the page
	 */
	public ExportPage export(@Nullable String cursor, int limit) {
		ExportPage page = this.client.get()
			.uri((uri) -> uri.path("/internal/users/export")
				.queryParam("limit", limit)
				.queryParamIfPresent("cursor", Optional.ofNullable(cursor))
				.build())
			.header(HttpHeaders.AUTHORIZATION, this.tokens.authorizationHeader())
			.retrieve()
			.body(ExportPage.class);
		return (page != null) ? page : new ExportPage(List.of(), null);
	}

	/**
	 * A page of users to rebuild from.
	 *
	 * @param items the users
	 * @param nextCursor where the next page starts, {@code null} after the last
	 */
	public record ExportPage(List<ExportedUser> items, @Nullable String nextCursor) {

	}

	/**
	 * A user as user-service exports them.
	 *
	 * @param id the user id
	 * @param handle the handle
	 * @param displayName the display name
	 * @param createdAt when the account was created
	 */
	public record ExportedUser(String id, String handle, String displayName, Instant createdAt) {

	}

}
