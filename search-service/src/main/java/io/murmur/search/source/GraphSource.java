package io.murmur.search.source;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

import io.murmur.support.client.ServiceCalls;
import io.murmur.support.client.ServiceTokens;

/**
 * What search-service asks graph-service: follower counts, a ranking signal of people
 * search.
 */
@Component
public class GraphSource {

	/** The most users graph-service counts in one call. */
	public static final int MAX_BATCH = 200;

	private final RestClient client;

	private final ServiceTokens tokens;

	GraphSource(ServiceCalls services, ServiceTokens tokens) {
		this.client = services.client("graph");
		this.tokens = tokens;
	}

	/**
	 * Follower counts.
	 * @param userIds up to {@value #MAX_BATCH} user ids
	 * @return the count of each, by id
	 */
	public Map<Long, Long> followers(Collection<Long> userIds) {
		Map<Long, Long> counts = new HashMap<>();
		if (userIds.isEmpty()) {
			return counts;
		}
		Counts found = this.client.post()
			.uri("/internal/users/counts")
			.header(HttpHeaders.AUTHORIZATION, this.tokens.authorizationHeader())
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("ids", userIds.stream().map(String::valueOf).toList()))
			.retrieve()
			.body(Counts.class);
		if (found != null) {
			found.items().forEach((count) -> counts.put(Long.valueOf(count.id()), count.followersCount()));
		}
		return counts;
	}

	record Counts(List<Count> items) {

	}

	record Count(String id, long followersCount) {

	}

}
