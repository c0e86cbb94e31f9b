package io.murmur.post.post;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;

import io.murmur.post.post.PostResponse.Author;
import io.murmur.support.client.ServiceCalls;
import io.murmur.support.client.ServiceTokens;

/**
 * The authors a page of posts names, as user-service describes them ({@code POST
 * /internal/users/batch}, with post-service's service token), so that a post shows its
 * author as feed and search show theirs. Profiles are the same whoever reads them, so
 * they are kept in memory for a short while and a page only asks for the people not kept.
 * When user-service cannot answer, the posts are still shown, their authors by id with an
 * empty handle and name, as feed-service shows a user it cannot find.
 */
@Component
class Authors {

	private static final Log log = LogFactory.getLog(Authors.class);

	/** The most users user-service returns in one batch. */
	static final int MAX_BATCH = 200;

	/** How long a profile is kept: a changed display name or avatar shows this late. */
	static final Duration TTL = Duration.ofSeconds(30);

	private final RestClient client;

	private final ServiceTokens tokens;

	private final Cache<Long, Author> profiles;

	Authors(ServiceCalls services, ServiceTokens tokens, MeterRegistry meters) {
		this.client = services.client("user");
		this.tokens = tokens;
		this.profiles = Caffeine.newBuilder().expireAfterWrite(TTL).maximumSize(100_000).recordStats().build();
		CaffeineCacheMetrics.monitor(meters, this.profiles, "post.authors");
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
		Map<Long, Author> found;
		try {
			found = this.profiles.getAll(Set.copyOf(userIds), this::fetch);
		}
		catch (RestClientException | IllegalStateException ex) {
			log.warn("Could not describe authors through user-service, showing their ids only: " + ex);
			found = Map.of();
		}
		Map<Long, Author> authors = new HashMap<>();
		for (Long id : userIds) {
			authors.put(id, found.getOrDefault(id, unknown(id)));
		}
		return authors;
	}

	private Map<Long, Author> fetch(Set<? extends Long> userIds) {
		List<String> ids = userIds.stream().map(String::valueOf).toList();
		Map<Long, Author> found = new HashMap<>();
		for (int from = 0; from < ids.size(); from += MAX_BATCH) {
			Users users = batch(ids.subList(from, Math.min(ids.size(), from + MAX_BATCH)));
			if (users != null && users.items() != null) {
				users.items().forEach((user) -> found.put(Long.valueOf(user.id()), user));
			}
		}
		return found;
	}

	private @Nullable Users batch(List<String> ids) {
		String token = this.tokens.accessToken();
		try {
			return this.client.post()
				.uri("/internal/users/batch")
				.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
				.contentType(MediaType.APPLICATION_JSON)
				.body(Map.of("ids", ids))
				.retrieve()
				.body(Users.class);
		}
		catch (RestClientResponseException ex) {
			if (ex.getStatusCode().isSameCodeAs(HttpStatus.UNAUTHORIZED)) {
				this.tokens.invalidate(token);
			}
			throw ex;
		}
	}

	private static Author unknown(long id) {
		return new Author(Long.toString(id), "", "", null);
	}

	record Users(List<Author> items) {

	}

}
