package io.murmur.search.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.query_dsl.FieldValueFactorModifier;
import co.elastic.clients.elasticsearch._types.query_dsl.FunctionBoostMode;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;

import org.springframework.stereotype.Component;

import io.murmur.search.index.IndexKind;
import io.murmur.search.index.UserDocument;
import io.murmur.search.source.UserSource;
import io.murmur.support.profile.UserView;

/**
 * People typeahead on the users alias: the exact handle first, then handles and display
 * names that start with what was typed, more followers ranking higher
 * ({@code log(1 + followers)} added to the match score), hydrated from user-service.
 */
@Component
class PeopleSearch {

	private static final float EXACT_HANDLE_BOOST = 20;

	private static final float HANDLE_PREFIX_BOOST = 4;

	private final ElasticsearchClient client;

	private final UserSource users;

	PeopleSearch(ElasticsearchClient client, UserSource users) {
		this.client = client;
		this.users = users;
	}

	SearchResults.Page<SearchResults.FoundUser> search(String typed, int limit, String readerToken) {
		String q = typed.startsWith("@") ? typed.substring(1) : typed;
		SearchResponse<UserDocument> response = search(
				(s) -> s.index(IndexKind.USERS.alias())
					.size(limit)
					.trackTotalHits((t) -> t.enabled(false))
					.query((query) -> query
						.functionScore(
								(f) -> f
									.query((inner) -> inner.bool((b) -> b
										.should((sh) -> sh
											.match((m) -> m.field("handle").query(q).boost(EXACT_HANDLE_BOOST)))
										.should((sh) -> sh
											.match((m) -> m.field("handle.prefix").query(q).boost(HANDLE_PREFIX_BOOST)))
										.should((sh) -> sh.match(
												(m) -> m.field("displayName.prefix").query(q).operator(Operator.And)))
										.minimumShouldMatch("1")))
									.functions((fn) -> fn.fieldValueFactor((v) -> v.field("followers")
										.modifier(FieldValueFactorModifier.Log1p)
										.missing(0.0)))
									.boostMode(FunctionBoostMode.Sum))));
		List<UserDocument> found = response.hits().hits().stream().map(Hit::source).toList();
		Map<String, UserView> current = this.users.users(found.stream().map(UserDocument::id).toList(), readerToken);
		List<SearchResults.FoundUser> items = new ArrayList<>();
		for (UserDocument user : found) {
			UserView view = current.get(user.id());
			if (view != null) {
				items.add(new SearchResults.FoundUser(view.id(), view.handle(), view.displayName(), view.avatarUrl(),
						user.followers()));
			}
		}
		return new SearchResults.Page<>(items, null);
	}

	/**
	 * The ids of people by handle, for {@code from:}.
	 * @param handles the handles, in any case
	 * @return the ids of those found, by handle in lower case
	 */
	Map<String, String> idsOfHandles(Collection<String> handles) {
		Map<String, String> ids = new HashMap<>();
		for (String handle : handles) {
			SearchResponse<UserDocument> response = search((s) -> s.index(IndexKind.USERS.alias())
				.size(1)
				.query((q) -> q.match((m) -> m.field("handle").query(handle))));
			response.hits()
				.hits()
				.stream()
				.findFirst()
				.ifPresent((hit) -> ids.put(handle.toLowerCase(Locale.ROOT), hit.id()));
		}
		return ids;
	}

	private SearchResponse<UserDocument> search(
			java.util.function.Function<co.elastic.clients.elasticsearch.core.SearchRequest.Builder, co.elastic.clients.util.ObjectBuilder<co.elastic.clients.elasticsearch.core.SearchRequest>> request) {
		try {
			return this.client.search(request, UserDocument.class);
		}
		catch (IOException | ElasticsearchException ex) {
			throw SearchProblem.unavailable(ex);
		}
	}

}
