package io.murmur.support.profile;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;

import io.murmur.support.client.ServiceTokens;

/**
 * The profiles of the people a page names, from user-service's
 * {@code POST /internal/users/batch}, {@value #MAX_BATCH} to a call. Profiles are the
 * same whoever reads them, so they are kept in memory for a short while
 * ({@link UserProfilesProperties}) and a page asks only for the people not kept. Unknown
 * users are left out and asked for again next time. A call the service's own token made
 * that user-service refuses with 401 (after a key rotation) forgets that token.
 */
public class UserProfiles {

	/** The most users user-service returns in one batch. */
	public static final int MAX_BATCH = 200;

	private final RestClient userService;

	private final @Nullable ServiceTokens tokens;

	private final Cache<Long, UserView> profiles;

	/**
	 * Creates the client.
	 * @param userService a client of user-service
	 * @param tokens the service's own tokens, if it has a service client
	 * @param properties how long profiles are kept
	 * @param meters where the cache's statistics go, as {@code cache.*{cache=profiles}}
	 */
	public UserProfiles(RestClient userService, @Nullable ServiceTokens tokens, UserProfilesProperties properties,
			MeterRegistry meters) {
		this.userService = userService;
		this.tokens = tokens;
		this.profiles = Caffeine.newBuilder()
			.expireAfterWrite(properties.cacheTtl())
			.maximumSize(properties.cacheSize())
			.recordStats()
			.build();
		CaffeineCacheMetrics.monitor(meters, this.profiles, "profiles");
	}

	/**
	 * Profiles by id, asked for with the reader's token.
	 * @param userIds the user ids
	 * @param readerToken the reader's access token
	 * @return the profiles found, by id
	 */
	public Map<Long, UserView> find(Collection<Long> userIds, String readerToken) {
		if (userIds.isEmpty()) {
			return Map.of();
		}
		return this.profiles.getAll(new LinkedHashSet<>(userIds), (missing) -> fetch(missing, readerToken));
	}

	/**
	 * Profiles by id, asked for with the service's own token.
	 * @param userIds the user ids
	 * @return the profiles found, by id
	 * @throws IllegalStateException if the service has no service client
	 */
	public Map<Long, UserView> find(Collection<Long> userIds) {
		if (userIds.isEmpty()) {
			return Map.of();
		}
		ServiceTokens own = this.tokens;
		if (own == null) {
			throw new IllegalStateException("No service client is configured (murmur.service-client.*)");
		}
		return this.profiles.getAll(new LinkedHashSet<>(userIds), (missing) -> {
			String token = own.accessToken();
			try {
				return fetch(missing, token);
			}
			catch (RestClientResponseException ex) {
				if (ex.getStatusCode().isSameCodeAs(HttpStatus.UNAUTHORIZED)) {
					own.invalidate(token);
				}
				throw ex;
			}
		});
	}

	private Map<Long, UserView> fetch(Set<? extends Long> userIds, String token) {
		List<String> ids = userIds.stream().map(String::valueOf).toList();
		Map<Long, UserView> found = new HashMap<>();
		for (int from = 0; from < ids.size(); from += MAX_BATCH) {
			Users users = this.userService.post()
				.uri("/internal/users/batch")
				.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
				.contentType(MediaType.APPLICATION_JSON)
				.body(Map.of("ids", ids.subList(from, Math.min(ids.size(), from + MAX_BATCH))))
				.retrieve()
				.body(Users.class);
			if (users != null && users.items() != null) {
				users.items().forEach((user) -> found.put(Long.valueOf(user.id()), user));
			}
		}
		return found;
	}

	record Users(@Nullable List<UserView> items) {

	}

}
