package io.murmur.post.post;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;

import io.murmur.support.client.ServiceCalls;
import io.murmur.support.problem.CommonProblem;
import io.murmur.support.web.ProblemException;

/**
 * Resolves mentioned handles to user ids through user-service ({@code GET
 * /api/v1/users/by-handle/{handle}}), with the caller's access token, all handles of a
 * post at once. An unknown handle is simply not a mention. When user-service cannot
 * answer, the post is refused with 503 rather than stored with its mentions silently
 * missing.
 */
@Component
class UserDirectory implements AutoCloseable {

	private static final Log log = LogFactory.getLog(UserDirectory.class);

	private final RestClient client;

	private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

	UserDirectory(ServiceCalls services) {
		this.client = services.client("user");
	}

	/**
	 * The users behind the handles that exist.
	 * @param handles lower-case handles
	 * @param accessToken the caller's access token, forwarded
	 * @return user id to handle, for the handles user-service knows
	 */
	Map<Long, String> resolve(List<String> handles, String accessToken) {
		List<CompletableFuture<Optional<Long>>> lookups = new ArrayList<>();
		for (String handle : handles) {
			lookups.add(CompletableFuture.supplyAsync(() -> lookup(handle, accessToken), this.executor));
		}
		Map<Long, String> users = new LinkedHashMap<>();
		for (int i = 0; i < handles.size(); i++) {
			Optional<Long> id;
			try {
				id = lookups.get(i).join();
			}
			catch (CompletionException ex) {
				throw (ex.getCause() instanceof RuntimeException cause) ? cause : ex;
			}
			if (id.isPresent()) {
				users.putIfAbsent(id.get(), handles.get(i));
			}
		}
		return users;
	}

	private Optional<Long> lookup(String handle, String accessToken) {
		try {
			UserRef user = this.client.get()
				.uri("/api/v1/users/by-handle/{handle}", handle)
				.header(HttpHeaders.AUTHORIZATION, "Bearer " + accessToken)
				.retrieve()
				.body(UserRef.class);
			return Optional.ofNullable(user).map(UserRef::id).map(Long::parseLong);
		}
		catch (RestClientResponseException ex) {
			if (ex.getStatusCode().isSameCodeAs(HttpStatus.NOT_FOUND)) {
				return Optional.empty();
			}
			throw unavailable(ex);
		}
		catch (RestClientException | NumberFormatException ex) {
			throw unavailable(ex);
		}
	}

	private static ProblemException unavailable(Exception ex) {
		log.warn("Could not resolve a mention through user-service: " + ex);
		return new ProblemException(CommonProblem.SERVICE_UNAVAILABLE,
				"Mentions cannot be resolved right now; try again later");
	}

	@Override
	public void close() {
		this.executor.close();
	}

	record UserRef(@Nullable String id) {

	}

}
