package io.murmur.user.media;

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
import io.murmur.support.problem.CommonProblem;
import io.murmur.support.problem.ProblemType;
import io.murmur.support.web.InvalidField;
import io.murmur.support.web.ProblemException;
import io.murmur.user.token.OwnServiceToken;

/**
 * media-service's internal API, with user-service's own service token: accepts an avatar
 * candidate and describes avatars for the profiles being read.
 */
@Component
public class MediaLibrary {

	/** The media cannot be the user's avatar. */
	public static final ProblemType MEDIA_NOT_ATTACHABLE = ProblemType.of("media-not-attachable",
			"Media cannot be attached", HttpStatus.UNPROCESSABLE_CONTENT);

	/** The most media media-service describes in one call. */
	static final int MAX_BATCH = 400;

	private static final Log log = LogFactory.getLog(MediaLibrary.class);

	private final RestClient client;

	private final OwnServiceToken token;

	MediaLibrary(ServiceCalls services, OwnServiceToken token) {
		this.client = services.client("media");
		this.token = token;
	}

	/**
	 * Accepts a media as the user's avatar: their own ready still image, on no post.
	 * Accepting it again is fine.
	 * @param userId the user
	 * @param mediaId the media id
	 * @throws ProblemException 422 {@link #MEDIA_NOT_ATTACHABLE} on {@code avatarMediaId}
	 * when it cannot be, 503 when media-service cannot answer
	 */
	public void acceptAvatar(long userId, long mediaId) {
		try {
			this.client.post()
				.uri("/internal/media/{id}/avatar", mediaId)
				.header(HttpHeaders.AUTHORIZATION, this.token.authorizationHeader())
				.contentType(MediaType.APPLICATION_JSON)
				.body(Map.of("ownerId", userId))
				.retrieve()
				.toBodilessEntity();
		}
		catch (RestClientResponseException ex) {
			if (ex.getStatusCode().isSameCodeAs(HttpStatus.UNPROCESSABLE_CONTENT)) {
				Refusal refusal = ex.getResponseBodyAs(Refusal.class);
				List<InvalidField> errors = (refusal != null && refusal.errors() != null) ? refusal.errors()
						: List.of(new InvalidField("avatarMediaId", "cannot be the avatar"));
				throw ProblemException.invalid(MEDIA_NOT_ATTACHABLE, "This media cannot be the avatar", errors);
			}
			throw unavailable(ex);
		}
		catch (RestClientException ex) {
			throw unavailable(ex);
		}
	}

	/**
	 * Describes avatars for the profiles of one response, with one call per
	 * {@value #MAX_BATCH}.
	 * @param mediaIds the avatars' media ids
	 * @return the avatars still there, by media id, or empty when media-service cannot
	 * answer
	 */
	public Optional<Map<Long, Avatar>> avatars(Collection<Long> mediaIds) {
		List<String> ids = new LinkedHashSet<>(mediaIds).stream().map(String::valueOf).toList();
		Map<Long, Avatar> found = new HashMap<>();
		try {
			for (int from = 0; from < ids.size(); from += MAX_BATCH) {
				Items items = this.client.post()
					.uri("/internal/media/batch")
					.header(HttpHeaders.AUTHORIZATION, this.token.authorizationHeader())
					.contentType(MediaType.APPLICATION_JSON)
					.body(Map.of("ids", ids.subList(from, Math.min(ids.size(), from + MAX_BATCH))))
					.retrieve()
					.body(Items.class);
				if (items != null) {
					items.items().forEach((avatar) -> found.put(Long.valueOf(avatar.id()), avatar));
				}
			}
			return Optional.of(found);
		}
		catch (RestClientException ex) {
			log.warn("Could not describe avatars through media-service, profiles show none: " + ex);
			return Optional.empty();
		}
	}

	private static ProblemException unavailable(Exception ex) {
		log.warn("Could not check an avatar through media-service: " + ex);
		return new ProblemException(CommonProblem.SERVICE_UNAVAILABLE,
				"The avatar cannot be checked right now; try again later");
	}

	record Items(List<Avatar> items) {

	}

	record Refusal(@Nullable List<InvalidField> errors) {

	}

}
