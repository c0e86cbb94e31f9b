package io.murmur.search.source;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

import io.murmur.support.client.ServiceCalls;
import io.murmur.support.client.ServiceTokens;

/**
 * What search-service asks user-service: the people a page of results names, in one
 * batch, and every user, page by page, to rebuild the index.
 */
@Component
public class UserSource {

	/** The most users user-service returns in one batch. */
	public static final int MAX_BATCH = 200;

	private final RestClient client;

	private final ServiceTokens tokens;

	UserSource(ServiceCalls services, ServiceTokens tokens) {
		this.client = services.client("user");
		this.tokens = tokens;
	}

	/**
	 * Users by id; unknown ones are left out.
	 * @param userIds up to {@value #MAX_BATCH} user ids
	 * @param token the reader's access token, or {@code null} for the service's own
	 * @return the users found, by id
	 */
	public Map<String, UserView> users(Collection<String> userIds, @Nullable String token) {
		Map<String, UserView> found = new HashMap<>();
		if (userIds.isEmpty()) {
			return found;
		}
		Users users = this.client.post()
			.uri("/internal/users/batch")
			.header(HttpHeaders.AUTHORIZATION, (token != null) ? "Bearer " + token : this.tokens.authorizationHeader())
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("ids", List.copyOf(userIds)))
			.retrieve()
			.body(Users.class);
		if (users != null) {
			users.items().forEach((user) -> found.put(user.id(), user));
		}
		return found;
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
	 * A user as results name them.
	 *
	 * @param id the user id
	 * @param handle the handle
	 * @param displayName the display name
	 * @param avatarUrl the avatar, if any
	 */
	public record UserView(String id, String handle, String displayName, @Nullable String avatarUrl) {

	}

	record Users(List<UserView> items) {

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
