package io.murmur.graph.schema;

import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

/**
 * Creates the constraints and indexes the queries rely on, at start-up and before the
 * service takes requests or consumes events; every statement is idempotent, so every
 * replica runs them.
 * <ul>
 * <li>one node per user id, and unique outbox sequences;</li>
 * <li>three range indexes on the {@code FOLLOWS} relationship, which carries both ids and
 * its {@code since} so that pages are index seeks in the order they are read, without a
 * traversal of every follower and without sorting them:
 * {@code (followeeId, since, followerId)} for followers newest first,
 * {@code (followerId, since, followeeId)} for following newest first (and every followee
 * id, oldest first, for feed rebuilds), and {@code (followeeId, followerId)} for the
 * keyset read of every follower id that fan-out uses.</li>
 * </ul>
 */
@Component
class GraphSchema implements InitializingBean {

	private static final Log log = LogFactory.getLog(GraphSchema.class);

	static final List<String> STATEMENTS = List.of(
			"CREATE CONSTRAINT user_id IF NOT EXISTS FOR (u:User) REQUIRE u.id IS UNIQUE",
			"CREATE CONSTRAINT outbox_event_sequence IF NOT EXISTS FOR (e:OutboxEvent) REQUIRE e.sequence IS UNIQUE",
			"CREATE CONSTRAINT outbox_sequence_name IF NOT EXISTS FOR (s:OutboxSequence) REQUIRE s.name IS UNIQUE",
			"CREATE CONSTRAINT outbox_relay_name IF NOT EXISTS FOR (r:OutboxRelay) REQUIRE r.name IS UNIQUE",
			"CREATE INDEX follows_followers IF NOT EXISTS FOR ()-[r:FOLLOWS]-() ON (r.followeeId, r.since, r.followerId)",
			"CREATE INDEX follows_following IF NOT EXISTS FOR ()-[r:FOLLOWS]-() ON (r.followerId, r.since, r.followeeId)",
			"CREATE INDEX follows_follower_ids IF NOT EXISTS FOR ()-[r:FOLLOWS]-() ON (r.followeeId, r.followerId)");

	private final Neo4jClient neo4j;

	GraphSchema(Neo4jClient neo4j) {
		this.neo4j = neo4j;
	}

	@Override
	public void afterPropertiesSet() {
		for (String statement : STATEMENTS) {
			this.neo4j.query(statement).run();
		}
		this.neo4j.query("CALL db.awaitIndexes(300)").run();
		log.info("Neo4j constraints and indexes are in place");
	}

}
