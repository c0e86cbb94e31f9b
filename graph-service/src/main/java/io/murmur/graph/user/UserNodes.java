package io.murmur.graph.user;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

import io.murmur.graph.config.GraphTransactions;

/**
 * The {@code :User} nodes: one per user id, with the maintained {@code followersCount}
 * and {@code followingCount} that counts and the celebrity read use instead of counting
 * relationships.
 */
@Component
public class UserNodes {

	private static final String MERGE = """
			MERGE (u:User {id: $id})
			ON CREATE SET u.followersCount = 0, u.followingCount = 0
			""";

	private final Neo4jClient neo4j;

	private final GraphTransactions transactions;

	UserNodes(Neo4jClient neo4j, GraphTransactions transactions) {
		this.neo4j = neo4j;
		this.transactions = transactions;
	}

	/**
	 * Makes sure a user has a node, in its own transaction. Idempotent.
	 * @param id the user id
	 */
	public void ensure(long id) {
		this.transactions.writeWithoutResult(() -> ensureInTransaction(id));
	}

	/**
	 * Makes sure a user has a node, as part of the current transaction. Idempotent.
	 * @param id the user id
	 */
	public void ensureInTransaction(long id) {
		this.neo4j.query(MERGE).bind(id).to("id").run();
	}

	/**
	 * The follower and following counts of users; users without a node count zero.
	 * @param ids the user ids
	 * @return the counts, in the order of the ids
	 */
	public List<Counts> counts(Collection<Long> ids) {
		Map<Long, Counts> counts = new LinkedHashMap<>();
		ids.forEach((id) -> counts.put(id, new Counts(id, 0, 0)));
		this.transactions
			.read(() -> this.neo4j.query("""
					MATCH (u:User) WHERE u.id IN $ids
					RETURN u.id AS id, u.followersCount AS followers, u.followingCount AS following
					""")
				.bind(List.copyOf(ids))
				.to("ids")
				.fetchAs(Counts.class)
				.mappedBy((types, row) -> new Counts(row.get("id").asLong(), row.get("followers").asLong(0),
						row.get("following").asLong(0)))
				.all())
			.forEach((found) -> counts.put(found.id(), found));
		return List.copyOf(counts.values());
	}

	/**
	 * A user's counts.
	 *
	 * @param id the user id
	 * @param followersCount how many users follow them
	 * @param followingCount how many users they follow
	 */
	public record Counts(long id, long followersCount, long followingCount) {

	}

}
