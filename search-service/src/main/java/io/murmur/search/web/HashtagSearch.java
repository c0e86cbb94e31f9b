package io.murmur.search.web;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;

import org.springframework.stereotype.Component;

import io.murmur.search.index.IndexKind;

/**
 * Hashtags by prefix: the hashtags index finds the tags that start with what was typed,
 * then one aggregation over the posts counts each one's use in the last
 * {@value #RECENT_DAYS} days and finds its last use. The tag typed exactly comes first,
 * then the most used.
 */
@Component
class HashtagSearch {

	static final int RECENT_DAYS = 7;

	private static final int CANDIDATES = 50;

	private final ElasticsearchClient client;

	private final Clock clock;

	HashtagSearch(ElasticsearchClient client, Clock clock) {
		this.client = client;
		this.clock = clock;
	}

	SearchResults.Page<SearchResults.FoundHashtag> search(String typed, int limit) {
		String q = typed.startsWith("#") ? typed.substring(1) : typed;
		try {
			SearchResponse<Tag> tags = this.client.search((s) -> s.index(IndexKind.HASHTAGS.alias())
				.size(CANDIDATES)
				.query((query) -> query.match((m) -> m.field("tag.prefix").query(q))), Tag.class);
			List<String> candidates = tags.hits().hits().stream().map(Hit::id).toList();
			if (candidates.isEmpty()) {
				return new SearchResults.Page<>(List.of(), null);
			}
			Instant recent = this.clock.instant().minus(Duration.ofDays(RECENT_DAYS));
			List<FieldValue> values = candidates.stream().map(FieldValue::of).toList();
			SearchResponse<Void> use = this.client
				.search((s) -> s.index(IndexKind.POSTS.alias())
					.size(0)
					.query((query) -> query.bool((b) -> b
						.filter((f) -> f.terms((t) -> t.field("hashtags").terms((v) -> v.value(values))))
						.filter((f) -> f.term((t) -> t.field("deleted").value(false)))))
					.aggregations("tags", (a) -> a
						.terms((t) -> t.field("hashtags").include((i) -> i.terms(candidates)).size(candidates.size()))
						.aggregations("recent",
								(r) -> r.filter((f) -> f
									.range((range) -> range.date((d) -> d.field("createdAt").gte(recent.toString())))))
						.aggregations("last", (l) -> l.max((m) -> m.field("createdAt")))), Void.class);
			java.util.Map<String, SearchResults.FoundHashtag> found = new java.util.HashMap<>();
			for (StringTermsBucket bucket : use.aggregations().get("tags").sterms().buckets().array()) {
				String tag = bucket.key().stringValue();
				double last = bucket.aggregations().get("last").max().value();
				found.put(tag,
						new SearchResults.FoundHashtag(tag, bucket.aggregations().get("recent").filter().docCount(),
								Double.isFinite(last) ? Instant.ofEpochMilli((long) last) : null));
			}
			List<SearchResults.FoundHashtag> items = new ArrayList<>();
			for (String tag : candidates) {
				items.add(found.getOrDefault(tag, new SearchResults.FoundHashtag(tag, 0, null)));
			}
			items.sort(Comparator.comparing((SearchResults.FoundHashtag h) -> !h.tag().equalsIgnoreCase(q))
				.thenComparing(Comparator.comparingLong(SearchResults.FoundHashtag::recentPosts).reversed())
				.thenComparing(SearchResults.FoundHashtag::tag));
			return new SearchResults.Page<>(items.subList(0, Math.min(limit, items.size())), null);
		}
		catch (IOException | ElasticsearchException ex) {
			throw SearchProblem.unavailable(ex);
		}
	}

	record Tag(String tag) {

	}

}
