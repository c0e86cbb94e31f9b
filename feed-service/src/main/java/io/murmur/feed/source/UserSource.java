package io.murmur.feed.source;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

import io.murmur.feed.config.FeedProperties;
import io.murmur.support.client.ServiceCalls;

/**
 * What feed-service asks user-service: the people a page names, in one batch, with the
 * reader's token. Profiles are the same whoever reads them, so they are kept in memory
 * for a short while (at most {@value #CACHE_SIZE}); a page only asks for the people not
 * kept.
 */
@Component
public class UserSource {

	/** The most users user-service returns in one batch. */
	public static final int MAX_BATCH = 200;

	/** The most profiles kept in memory. */
	static final int CACHE_SIZE = 100_000;

	private final RestClient client;

	private final Cache<Long, UserView> profiles;

	UserSource(ServiceCalls services, FeedProperties properties, MeterRegistry meters) {
		this.client = services.client("user");
		this.profiles = Caffeine.newBuilder()
			.expireAfterWrite(properties.read().profileCacheTtl())
			.maximumSize(CACHE_SIZE)
			.recordStats()
			.build();
		CaffeineCacheMetrics.monitor(meters, this.profiles, "feed.profiles");
	}

	/**
	 * Users by id; unknown ones are left out.
	 * @param userIds up to {@value #MAX_BATCH} user ids
	 * @param readerToken the reader's access token
	 * @return the users found, by id
	 */
	public Map<Long, UserView> users(Collection<Long> userIds, String readerToken) {
		if (userIds.isEmpty()) {
			return Map.of();
		}
		return this.profiles.getAll(userIds, (missing) -> fetch(missing, readerToken));
	}

	private Map<Long, UserView> fetch(Set<? extends Long> userIds, String readerToken) {
		Users users = this.client.post()
			.uri("/internal/users/batch")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + readerToken)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("ids", userIds.stream().map(String::valueOf).toList()))
			.retrieve()
			.body(Users.class);
		Map<Long, UserView> found = new HashMap<>();
		if (users != null) {
			users.items().forEach((user) -> found.put(Long.valueOf(user.id()), user));
		}
		return found;
	}

	/**
	 * A user as a feed names them.
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

}
