package io.murmur.search.index;

import java.io.IOException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.elasticsearch.core.MgetResponse;

import org.springframework.stereotype.Component;

/**
 * Writes people into the users index. Profiles are few and change rarely, so each is a
 * read and a conditional write ({@code if_seq_no}) rather than a bulk operation: the
 * profile is replaced only by a newer one, and the follower count, which graph events
 * change, is kept.
 */
@Component
public class UserIndexer {

	private static final int ATTEMPTS = 5;

	private final ElasticsearchClient client;

	private final Indices indices;

	UserIndexer(ElasticsearchClient client, Indices indices) {
		this.client = client;
		this.indices = indices;
	}

	/**
	 * Stores a profile unless a newer one is stored.
	 * @param userId the user
	 * @param handle the handle
	 * @param displayName the display name
	 * @param at when the profile was current
	 */
	public void profile(long userId, String handle, String displayName, Instant at) {
		String id = Long.toString(userId);
		for (String alias : this.indices.writeAliases(IndexKind.USERS)) {
			try {
				write(alias, id, handle, displayName, at);
			}
			catch (ElasticsearchException ex) {
				if (!(ex.status() == 404 && alias.equals(IndexKind.USERS.buildingAlias()))) {
					throw unavailable(ex);
				}
			}
			catch (IOException ex) {
				throw new IndexingUnavailableException("Could not write user " + id, ex);
			}
		}
	}

	private void write(String alias, String id, String handle, String displayName, Instant at) throws IOException {
		for (int attempt = 1;; attempt++) {
			GetResponse<UserDocument> current = this.client.get((g) -> g.index(alias).id(id), UserDocument.class);
			UserDocument stored = current.source();
			if (current.found() && stored != null && !stored.profileAt().isBefore(at)) {
				return;
			}
			UserDocument document = new UserDocument(id, handle, displayName, (stored != null) ? stored.followers() : 0,
					at);
			try {
				if (current.found()) {
					this.client.index((i) -> i.index(alias)
						.id(id)
						.ifSeqNo(current.seqNo())
						.ifPrimaryTerm(current.primaryTerm())
						.document(document));
				}
				else {
					this.client.create((c) -> c.index(alias).id(id).document(document));
				}
				return;
			}
			catch (ElasticsearchException ex) {
				if (ex.status() != 409 || attempt >= ATTEMPTS) {
					throw ex;
				}
			}
		}
	}

	/**
	 * Stores follower counts of people already indexed; people not indexed yet get theirs
	 * with their profile.
	 * @param counts follower counts by user id
	 */
	public void followers(Map<Long, Long> counts) {
		for (String alias : this.indices.writeAliases(IndexKind.USERS)) {
			for (Map.Entry<Long, Long> count : counts.entrySet()) {
				try {
					this.client.update((u) -> u.index(alias)
						.id(count.getKey().toString())
						.retryOnConflict(ATTEMPTS)
						.doc(Map.of("followers", count.getValue())), UserDocument.class);
				}
				catch (ElasticsearchException ex) {
					if (ex.status() != 404) {
						throw unavailable(ex);
					}
				}
				catch (IOException ex) {
					throw new IndexingUnavailableException("Could not write follower counts", ex);
				}
			}
		}
	}

	/**
	 * The handles of indexed people.
	 * @param userIds the users
	 * @return the handles of those found, by id
	 */
	public Map<Long, String> handles(Collection<Long> userIds) {
		Map<Long, String> handles = new HashMap<>();
		if (userIds.isEmpty()) {
			return handles;
		}
		List<String> ids = userIds.stream().distinct().map(String::valueOf).toList();
		try {
			MgetResponse<UserDocument> found = this.client.mget((m) -> m.index(IndexKind.USERS.alias()).ids(ids),
					UserDocument.class);
			found.docs().forEach((doc) -> {
				if (doc.isResult() && doc.result().found() && doc.result().source() != null) {
					UserDocument user = doc.result().source();
					handles.put(Long.valueOf(user.id()), user.handle());
				}
			});
			return handles;
		}
		catch (ElasticsearchException ex) {
			throw unavailable(ex);
		}
		catch (IOException ex) {
			throw new IndexingUnavailableException("Could not read handles", ex);
		}
	}

	private static RuntimeException unavailable(ElasticsearchException ex) {
		int status = ex.status();
		return (status == 429 || status >= 500 || status == 404)
				? new IndexingUnavailableException("Elasticsearch answered " + status, ex)
				: new IllegalArgumentException("Elasticsearch refused a user: " + ex.getMessage(), ex);
	}

}
