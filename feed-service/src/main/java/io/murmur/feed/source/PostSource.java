package io.murmur.feed.source;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
 * What feed-service asks post-service: the merged timelines of authors (with its own
 * service token) and posts with the reader's view of them (with the reader's token).
 */
@Component
public class PostSource {

	/** The most authors post-service merges in one call. */
	static final int MAX_AUTHORS = 1000;

	/** The most timeline entries post-service returns in one call. */
	public static final int MAX_ENTRIES = 1000;

	/** The most posts post-service returns in one batch. */
	public static final int MAX_BATCH = 200;

	private final RestClient client;

	private final ServiceTokens tokens;

	PostSource(ServiceCalls services, ServiceTokens tokens) {
		this.client = services.client("post");
		this.tokens = tokens;
	}

	/**
	 * The newest timeline entries of some authors, merged newest first.
	 * @param authorIds the authors
	 * @param until only entries posted at or before this time, or {@code null}
	 * @param limit how many at most
	 * @return the entries
	 */
	public List<TimelineEntry> timelines(Collection<Long> authorIds, @Nullable Instant until, int limit) {
		List<Long> authors = List.copyOf(authorIds);
		List<TimelineEntry> merged = new ArrayList<>();
		for (int from = 0; from < authors.size(); from += MAX_AUTHORS) {
			List<String> chunk = authors.subList(from, Math.min(authors.size(), from + MAX_AUTHORS))
				.stream()
				.map(String::valueOf)
				.toList();
			Map<String, Object> request = new LinkedHashMap<>();
			request.put("authorIds", chunk);
			request.put("limit", limit);
			if (until != null) {
				request.put("until", until.toString());
			}
			Entries entries = this.client.post()
				.uri("/internal/posts/timelines")
				.header(HttpHeaders.AUTHORIZATION, this.tokens.authorizationHeader())
				.contentType(MediaType.APPLICATION_JSON)
				.body(request)
				.retrieve()
				.body(Entries.class);
			if (entries != null) {
				merged.addAll(entries.items());
			}
		}
		merged.sort(Comparator.comparing(TimelineEntry::createdAt).thenComparing(TimelineEntry::entryId).reversed());
		return merged.subList(0, Math.min(limit, merged.size()));
	}

	/**
	 * Posts as the reader sees them; deleted ones are left out.
	 * @param postIds up to {@value #MAX_BATCH} post ids
	 * @param readerToken the reader's access token
	 * @return the posts found, by id
	 */
	public Map<Long, PostView> posts(Collection<Long> postIds, String readerToken) {
		if (postIds.isEmpty()) {
			return Map.of();
		}
		Posts posts = this.client.post()
			.uri("/internal/posts/batch")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + readerToken)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("ids", postIds.stream().map(String::valueOf).toList()))
			.retrieve()
			.body(Posts.class);
		Map<Long, PostView> found = new HashMap<>();
		if (posts != null) {
			posts.items().forEach((post) -> found.put(Long.valueOf(post.id()), post));
		}
		return found;
	}

	record Entries(List<TimelineEntry> items) {

	}

	record Posts(List<PostView> items) {

	}

}
