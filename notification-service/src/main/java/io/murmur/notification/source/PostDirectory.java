package io.murmur.notification.source;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

import io.murmur.support.client.ServiceCalls;
import io.murmur.support.client.ServiceTokens;

/**
 * What notification-service asks post-service: the posts a page names, in one batch, and
 * the author of a quoted post, which {@code PostCreated} does not carry.
 */
@Component
public class PostDirectory {

	/** The most posts post-service returns in one batch. */
	public static final int MAX_BATCH = 200;

	private final ServiceClient posts;

	PostDirectory(ServiceCalls services, ServiceTokens tokens) {
		this.posts = new ServiceClient(services, "post", tokens);
	}

	/**
	 * Posts by id; deleted ones are left out.
	 * @param postIds at most {@value #MAX_BATCH} post ids
	 * @return the posts found, by id
	 */
	public Map<Long, PostSummary> posts(Collection<Long> postIds) {
		if (postIds.isEmpty()) {
			return Map.of();
		}
		Posts found = this.posts.call((client) -> client.post()
			.uri("/internal/posts/batch")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("ids", postIds.stream().distinct().map(String::valueOf).toList())), Posts.class);
		Map<Long, PostSummary> posts = new LinkedHashMap<>();
		found.items().forEach((post) -> posts.put(Long.valueOf(post.id()), post));
		return posts;
	}

	/**
	 * Who wrote a post.
	 * @param postId the post
	 * @return its author's id, or empty if the post does not exist (any more)
	 */
	public Optional<Long> authorOf(long postId) {
		return Optional.ofNullable(posts(List.of(postId)).get(postId)).map(PostSummary::authorId);
	}

	/**
	 * A post as a notification shows it.
	 *
	 * @param id the post id
	 * @param author its author
	 * @param text its text
	 * @param createdAt when it was posted
	 */
	public record PostSummary(String id, Author author, String text, Instant createdAt) {

		long authorId() {
			return Long.parseLong(this.author.id());
		}

	}

	/**
	 * A post's author, by id.
	 *
	 * @param id the user id
	 */
	public record Author(String id) {

	}

	record Posts(List<PostSummary> items) {

	}

}
