package io.murmur.graph.user;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.TransactionContext;

import org.springframework.stereotype.Component;

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

	private final Driver driver;

	UserNodes(Driver driver) {
		this.driver = driver;
	}

	/**
	 * Makes sure a user has a node, in its own transaction. Idempotent.
	 * @param id the user id
	 */
	public void ensure(long id) {
		try (Session session = this.driver.session()) {
			session.executeWriteWithoutResult((tx) -> ensure(tx, id));
		}
	}

	/**
	 * Makes sure a user has a node, as part of a transaction. Idempotent.
	 * @param tx the transaction
	 * @param id the user id
	 */
	public void ensure(TransactionContext tx, long id) {
		tx.run(MERGE, Map.of("id", id)).consume();
	}

	/**
	 * The follower and following counts of users; users without a node count zero.
	 * @param ids the user ids
	 * @return the counts, in the order of the ids
	 */
	public List<Counts> counts(Collection<Long> ids) {
		Map<Long, Counts> counts = new LinkedHashMap<>();
		ids.forEach((id) -> counts.put(id, new Counts(id, 0, 0)));
		try (Session session = this.driver.session()) {
			session.executeRead((tx) -> tx.run("""
					MATCH (u:User) WHERE u.id IN $ids
					RETURN u.id AS id, u.followersCount AS followers, u.followingCount AS following
					""", Map.of("ids", List.copyOf(ids))).list())
				.forEach((row) -> counts.put(row.get("id").asLong(), new Counts(row.get("id").asLong(),
						row.get("followers").asLong(0), row.get("following").asLong(0))));
		}
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
