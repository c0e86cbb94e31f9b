package io.murmur.search.web;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.Time;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.FunctionBoostMode;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;

import org.springframework.stereotype.Component;

import io.murmur.search.index.IndexKind;
import io.murmur.search.index.PostDocument;
import io.murmur.search.query.SearchQuery;
import io.murmur.search.query.SearchQuery.Term;
import io.murmur.search.source.PostSource;
import io.murmur.search.source.PostView;
import io.murmur.search.source.UserSource;
import io.murmur.support.profile.UserView;

/**
 * Post search: a parsed query to an Elasticsearch query on the posts alias, paged with
 * {@code search_after}, then hydrated like a feed with one batch call to post-service and
 * one to user-service. Tombstones never match, and posts post-service no longer has are
 * left out.
 */
@Component
class PostSearch {

	/** How far back recency still counts for {@code top}: a post this old scores half. */
	private static final String TOP_RECENCY_SCALE = "2d";

	private final ElasticsearchClient client;

	private final PeopleSearch people;

	private final PostSource posts;

	private final UserSource users;

	private final Clock clock;

	PostSearch(ElasticsearchClient client, PeopleSearch people, PostSource posts, UserSource users, Clock clock) {
		this.client = client;
		this.people = people;
		this.posts = posts;
		this.users = users;
		this.clock = clock;
	}

	SearchResults.Page<SearchResults.FoundPost> search(SearchQuery query, PostSort sort, int limit, Cursor cursor,
			String readerToken) {
		long origin = (cursor != null) ? cursor.origin() : this.clock.millis();
		Query filter = query(query);
		Query scored = (sort == PostSort.TOP) ? Query.of((q) -> q.functionScore((f) -> f.query(filter)
			.functions((fn) -> fn.gauss((g) -> g.date((d) -> d.field("createdAt")
				.placement((p) -> p.origin(Instant.ofEpochMilli(origin).toString())
					.scale(Time.of((t) -> t.time(TOP_RECENCY_SCALE)))
					.decay(0.5)))))
			.boostMode(FunctionBoostMode.Multiply))) : filter;
		List<SortOptions> sorts = new ArrayList<>();
		if (sort == PostSort.TOP) {
			sorts.add(SortOptions.of((s) -> s.score((sc) -> sc.order(SortOrder.Desc))));
		}
		sorts.add(SortOptions.of((s) -> s.field((f) -> f.field("createdAt").order(SortOrder.Desc))));
		sorts.add(SortOptions.of((s) -> s.field((f) -> f.field("id").order(SortOrder.Desc))));
		SearchResponse<PostDocument> response;
		try {
			response = this.client.search((s) -> {
				s.index(IndexKind.POSTS.alias())
					.query(scored)
					.sort(sorts)
					.size(limit)
					.source((src) -> src.fetch(false))
					.trackTotalHits((t) -> t.enabled(false));
				if (cursor != null) {
					s.searchAfter(cursor.after());
				}
				return s;
			}, PostDocument.class);
		}
		catch (IOException | ElasticsearchException ex) {
			throw SearchProblem.unavailable(ex);
		}
		List<Hit<PostDocument>> hits = response.hits().hits();
		List<String> ids = hits.stream().map(Hit::id).toList();
		String next = null;
		if (hits.size() == limit) {
			List<FieldValue> last = hits.get(hits.size() - 1).sort();
			next = new Cursor(sort, origin, last).encode();
		}
		return new SearchResults.Page<>(hydrate(ids, readerToken), next);
	}

	private List<SearchResults.FoundPost> hydrate(List<String> ids, String readerToken) {
		if (ids.isEmpty()) {
			return List.of();
		}
		Map<String, PostView> found = this.posts.posts(ids, readerToken);
		Set<String> authors = new LinkedHashSet<>();
		found.values().forEach((post) -> authors.add(post.author().id()));
		Map<String, UserView> people = this.users.users(authors, readerToken);
		List<SearchResults.FoundPost> items = new ArrayList<>();
		for (String id : ids) {
			PostView post = found.get(id);
			UserView author = (post != null) ? people.get(post.author().id()) : null;
			if (post != null && author != null) {
				items.add(SearchResults.FoundPost.of(post, author));
			}
		}
		return items;
	}

	Query query(SearchQuery query) {
		Map<String, String> authors = this.people.idsOfHandles(query.groups()
			.stream()
			.flatMap(List::stream)
			.filter((term) -> term.kind() == SearchQuery.Kind.FROM)
			.map(Term::value)
			.toList());
		BoolQuery.Builder bool = new BoolQuery.Builder();
		bool.filter((f) -> f.term((t) -> t.field("deleted").value(false)));
		boolean positive = false;
		for (List<Term> group : query.groups()) {
			if (group.size() == 1) {
				Term term = group.get(0);
				Query clause = clause(term, authors);
				if (term.negated()) {
					bool.mustNot(clause);
				}
				else {
					bool.must(clause);
					positive = true;
				}
			}
			else {
				List<Query> either = group.stream()
					.map((term) -> term.negated() ? Query.of((q) -> q.bool((b) -> b.mustNot(clause(term, authors))))
							: clause(term, authors))
					.toList();
				bool.must((m) -> m.bool((b) -> b.should(either).minimumShouldMatch("1")));
				positive = true;
			}
		}
		if (!positive) {
			bool.must((m) -> m.matchAll((all) -> all));
		}
		return Query.of((q) -> q.bool(bool.build()));
	}

	private static Query clause(Term term, Map<String, String> authors) {
		String value = term.value();
		return switch (term.kind()) {
			case WORD -> Query
				.of((q) -> q.multiMatch((m) -> m.query(value).fields("text", "text.english").operator(Operator.And)));
			case PHRASE -> Query.of((q) -> q.matchPhrase((m) -> m.field("text").query(value)));
			case HASHTAG -> Query.of((q) -> q.match((m) -> m.field("hashtags.folded").query(value)));
			case MENTION -> Query.of((q) -> q.match((m) -> m.field("mentions").query(value)));
			case FROM -> {
				String id = authors.get(value.toLowerCase(Locale.ROOT));
				yield (id != null) ? Query.of((q) -> q.term((t) -> t.field("authorId").value(id)))
						: Query.of((q) -> q.matchNone((none) -> none));
			}
			case SINCE -> Query.of((q) -> q.range((r) -> r.date((d) -> d.field("createdAt").gte(value))));
			case UNTIL -> Query.of((q) -> q
				.range((r) -> r.date((d) -> d.field("createdAt").lt(LocalDate.parse(value).plusDays(1).toString()))));
			case HAS_MEDIA -> Query.of((q) -> q.term((t) -> t.field("withMedia").value(true)));
			case IS_REPLY -> Query.of((q) -> q.term((t) -> t.field("reply").value(true)));
		};
	}

}
