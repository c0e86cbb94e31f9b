package io.murmur.notification.source;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

import io.murmur.support.client.ServiceCalls;
import io.murmur.support.client.ServiceTokens;

/**
 * What notification-service asks post-service: the posts a page names, in one batch, and
 * the author of a quoted post, which {@code PostCreated} does not carry. A post's text,
 * author and time never change, so the posts of recent pages are kept for a while
 * ({@value #KEPT_MINUTES} minutes, at most {@value #KEPT_POSTS}) and a page asks only for
 * the others; a deleted post takes its notifications with it, so one kept a little too
 * long is shown by nothing.
 */
@Component
public class PostDirectory {

	/** The most posts post-service returns in one batch. */
	public static final int MAX_BATCH = 200;

	static final int KEPT_MINUTES = 5;

	static final int KEPT_POSTS = 50_000;

	private final ServiceClient posts;

	private final Cache<Long, PostSummary> kept;

	PostDirectory(ServiceCalls services, ServiceTokens tokens, MeterRegistry meters) {
		this.posts = new ServiceClient(services, "post", tokens);
		this.kept = Caffeine.newBuilder()
			.expireAfterWrite(Duration.ofMinutes(KEPT_MINUTES))
			.maximumSize(KEPT_POSTS)
			.recordStats()
			.build();
		CaffeineCacheMetrics.monitor(meters, this.kept, "notification.posts");
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
		return this.kept.getAll(new LinkedHashSet<>(postIds), this::fetch);
	}

	private Map<Long, PostSummary> fetch(Set<? extends Long> postIds) {
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
