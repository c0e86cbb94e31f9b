package io.murmur.search.source;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

import io.murmur.support.client.ServiceCalls;
import io.murmur.support.client.ServiceTokens;

/**
 * What search-service asks post-service: posts as a reader sees them, to hydrate results
 * (one batch call a page, with the reader's token), and every post, page by page, to
 * rebuild the index (with its own service token).
 */
@Component
public class PostSource {

	/** The most posts post-service returns in one batch. */
	public static final int MAX_BATCH = 200;

	private final RestClient client;

	private final ServiceTokens tokens;

	PostSource(ServiceCalls services, ServiceTokens tokens) {
		this.client = services.client("post");
		this.tokens = tokens;
	}

	/**
	 * Posts as the reader sees them; deleted ones are left out.
	 * @param postIds up to {@value #MAX_BATCH} post ids
	 * @param readerToken the reader's access token
	 * @return the posts found, by id
	 */
	public Map<String, PostView> posts(Collection<String> postIds, String readerToken) {
		Map<String, PostView> found = new HashMap<>();
		if (postIds.isEmpty()) {
			return found;
		}
		Posts posts = this.client.post()
			.uri("/internal/posts/batch")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + readerToken)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("ids", List.copyOf(postIds)))
			.retrieve()
			.body(Posts.class);
		if (posts != null) {
			posts.items().forEach((post) -> found.put(post.id(), post));
		}
		return found;
	}

	/**
	 * A page of every post, for a rebuild.
	 * @param cursor where to go on, {@code null} for the first page
	 * @param limit how many rows to read
	 * @return the page
	 */
	public ExportPage export(@Nullable String cursor, int limit) {
		ExportPage page = this.client.get()
			.uri((uri) -> uri.path("/internal/posts/export")
				.queryParam("limit", limit)
				.queryParamIfPresent("cursor", java.util.Optional.ofNullable(cursor))
				.build())
			.header(HttpHeaders.AUTHORIZATION, this.tokens.authorizationHeader())
			.retrieve()
			.body(ExportPage.class);
		return (page != null) ? page : new ExportPage(List.of(), null);
	}

	record Posts(List<PostView> items) {

	}

	/**
	 * A page of posts to rebuild from.
	 *
	 * @param items the posts
	 * @param nextCursor where the next page starts, {@code null} after the last
	 */
	public record ExportPage(List<ExportedPost> items, @Nullable String nextCursor) {

	}

	/**
	 * A post as post-service exports it.
	 *
	 * @param id the post id
	 * @param authorId the author
	 * @param createdAt when it was posted
	 * @param text the text
	 * @param mediaIds attached media
	 * @param replyTo the post it replies to
	 * @param quoteOf the post it quotes
	 * @param mentions the mentioned users' handles by user id
	 * @param hashtags the hashtags
	 */
	public record ExportedPost(String id, String authorId, Instant createdAt, String text, List<String> mediaIds,
			@Nullable String replyTo, @Nullable String quoteOf, Map<String, String> mentions, List<String> hashtags) {

	}

}
