package io.murmur.post.media;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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

import io.murmur.support.client.ServiceCalls;
import io.murmur.support.client.ServiceTokens;
import io.murmur.support.media.MediaView;
import io.murmur.support.problem.CommonProblem;
import io.murmur.support.problem.ProblemType;
import io.murmur.support.web.InvalidField;
import io.murmur.support.web.ProblemException;

/**
 * media-service's internal API, with post-service's service token: claims a new post's
 * media (all or none), withdraws a claim whose post could not be stored, and describes
 * media for the posts being read. A deleted post's media is not released from here:
 * media-service deletes it on the post's {@code PostDeleted}, which the outbox delivers
 * even when media-service is down at the time of the delete.
 */
@Component
public class MediaLibrary {

	/**
	 * Some media cannot go on the post: not the author's, not ready, or on another post.
	 */
	public static final ProblemType MEDIA_NOT_ATTACHABLE = ProblemType.of("media-not-attachable",
			"Media cannot be attached", HttpStatus.UNPROCESSABLE_CONTENT);

	/** The most media media-service describes in one call. */
	static final int MAX_BATCH = 400;

	private static final Log log = LogFactory.getLog(MediaLibrary.class);

	private final RestClient client;

	private final ServiceTokens tokens;

	MediaLibrary(ServiceCalls services, ServiceTokens tokens) {
		this.client = services.client("media");
		this.tokens = tokens;
	}

	/**
	 * Puts media on a post that is about to be stored. Claiming again for the same post
	 * succeeds, so a retry is safe.
	 * @param postId the post's id
	 * @param authorId its author
	 * @param mediaIds the media ids in display order, as given
	 * @return the media, in the order given
	 * @throws ProblemException 422 {@link #MEDIA_NOT_ATTACHABLE} naming each refused
	 * {@code mediaIds[i]}, or 503 when media-service cannot answer
	 */
	public List<MediaView> claim(long postId, long authorId, List<Long> mediaIds) {
		String token = null;
		try {
			token = this.tokens.accessToken();
			Items items = this.client.post()
				.uri("/internal/media/claims")
				.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
				.contentType(MediaType.APPLICATION_JSON)
				.body(Map.of("postId", postId, "ownerId", authorId, "mediaIds",
						mediaIds.stream().map(String::valueOf).toList()))
				.retrieve()
				.body(Items.class);
			if (items == null || items.items().size() != mediaIds.size()) {
				throw new IllegalStateException("media-service answered a claim without its media");
			}
			return items.items();
		}
		catch (RestClientResponseException ex) {
			if (ex.getStatusCode().isSameCodeAs(HttpStatus.UNPROCESSABLE_CONTENT)) {
				Refusal refusal = ex.getResponseBodyAs(Refusal.class);
				throw ProblemException.invalid(MEDIA_NOT_ATTACHABLE, "Some media cannot go on this post",
						(refusal != null && refusal.errors() != null) ? refusal.errors() : List.of());
			}
			throw unavailable(ex, token);
		}
		catch (RestClientException | IllegalStateException ex) {
			throw unavailable(ex, token);
		}
	}

	/**
	 * Withdraws the claim of a post that could not be stored, so that the author's retry
	 * can take the media. Best effort: should media-service not answer, the media stays
	 * on a post that does not exist, which is logged.
	 * @param postId the post that was not stored
	 */
	public void withdraw(long postId) {
		try {
			this.client.post()
				.uri("/internal/media/claims/{postId}/withdrawal", postId)
				.header(HttpHeaders.AUTHORIZATION, this.tokens.authorizationHeader())
				.retrieve()
				.toBodilessEntity();
		}
		catch (RestClientException ex) {
			log.error("Post " + postId + " was not stored, and its media claim could not be withdrawn: " + ex);
		}
	}

	/**
	 * Describes media for the posts of one page, with one call per {@value #MAX_BATCH}
	 * ids.
	 * @param mediaIds the media ids
	 * @return the ready media by id (unknown and deleted ones are left out), or empty
	 * when media-service cannot answer
	 */
	public Optional<Map<Long, MediaView>> describe(Collection<Long> mediaIds) {
		List<String> ids = new LinkedHashSet<>(mediaIds).stream().map(String::valueOf).toList();
		Map<Long, MediaView> found = new HashMap<>();
		try {
			for (int from = 0; from < ids.size(); from += MAX_BATCH) {
				Items items = this.client.post()
					.uri("/internal/media/batch")
					.header(HttpHeaders.AUTHORIZATION, this.tokens.authorizationHeader())
					.contentType(MediaType.APPLICATION_JSON)
					.body(Map.of("ids", ids.subList(from, Math.min(ids.size(), from + MAX_BATCH))))
					.retrieve()
					.body(Items.class);
				if (items != null) {
					items.items().forEach((media) -> found.put(Long.valueOf(media.id()), media));
				}
			}
			return Optional.of(found);
		}
		catch (RestClientException ex) {
			log.warn("Could not describe media through media-service, posts show their media ids only: " + ex);
			return Optional.empty();
		}
	}

	private ProblemException unavailable(Exception ex, @Nullable String token) {
		if (token != null && ex instanceof RestClientResponseException response
				&& response.getStatusCode().isSameCodeAs(HttpStatus.UNAUTHORIZED)) {
			this.tokens.invalidate(token);
		}
		log.warn("Could not claim media through media-service: " + ex);
		return new ProblemException(CommonProblem.SERVICE_UNAVAILABLE,
				"Media cannot be attached right now; try again later");
	}

	record Items(List<MediaView> items) {

	}

	record Refusal(@Nullable List<InvalidField> errors) {

	}

}
