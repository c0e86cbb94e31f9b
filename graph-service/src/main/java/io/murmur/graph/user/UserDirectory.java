package io.murmur.graph.user;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

import io.murmur.support.client.ServiceCalls;
import io.murmur.support.problem.CommonProblem;
import io.murmur.support.web.ProblemException;

/**
 * Asks user-service whether a user exists, for a follow that arrives before the graph has
 * consumed the followee's {@code UserRegistered} event. The caller's access token is
 * forwarded: user-service's internal batch lookup needs one.
 */
@Component
public class UserDirectory {

	private final RestClient client;

	UserDirectory(ServiceCalls services) {
		this.client = services.client("user");
	}

	/**
	 * Whether user-service knows a user.
	 * @param id the user id
	 * @param bearerToken the caller's access token
	 * @return {@code true} if the user exists
	 * @throws ProblemException ({@code service-unavailable}) if user-service cannot be
	 * asked
	 */
	public boolean exists(long id, String bearerToken) {
		BatchResponse response;
		try {
			response = this.client.post()
				.uri("/internal/users/batch")
				.header(HttpHeaders.AUTHORIZATION, "Bearer " + bearerToken)
				.contentType(MediaType.APPLICATION_JSON)
				.accept(MediaType.APPLICATION_JSON)
				.body(new BatchRequest(List.of(Long.toString(id))))
				.retrieve()
				.body(BatchResponse.class);
		}
		catch (RestClientException ex) {
			throw new ProblemException(CommonProblem.SERVICE_UNAVAILABLE,
					"The service cannot check the user now; try again later");
		}
		return response != null && response.items() != null
				&& response.items().stream().anyMatch((user) -> Long.toString(id).equals(user.id()));
	}

	record BatchRequest(List<String> ids) {

	}

	record BatchResponse(@Nullable List<Found> items) {

	}

	record Found(@Nullable String id) {

	}

}
