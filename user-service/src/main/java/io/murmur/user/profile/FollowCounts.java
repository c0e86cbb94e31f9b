package io.murmur.user.profile;

import java.util.Optional;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

import io.murmur.support.client.ServiceCalls;

/**
 * Follower and following counts, which graph-service owns. A profile asks for them with
 * the caller's own access token; if graph-service does not answer within the service-call
 * timeout (user-service's default is short, for this) the profile is served without them
 * rather than not at all.
 */
@Component
class FollowCounts {

	private static final Log log = LogFactory.getLog(FollowCounts.class);

	private final RestClient graph;

	FollowCounts(ServiceCalls services) {
		this.graph = services.client("graph");
	}

	Optional<Counts> of(long userId, String bearerToken) {
		try {
			return Optional.ofNullable(this.graph.get()
				.uri("/internal/users/{id}/counts", userId)
				.header("Authorization", "Bearer " + bearerToken)
				.retrieve()
				.body(Counts.class));
		}
		catch (RestClientException ex) {
			log.warn("No follow counts for user " + userId + " from graph-service: " + ex.getMessage());
			return Optional.empty();
		}
	}

	/**
	 * graph-service's answer.
	 *
	 * @param followersCount how many follow the user
	 * @param followingCount how many the user follows
	 */
	record Counts(long followersCount, long followingCount) {

	}

}
