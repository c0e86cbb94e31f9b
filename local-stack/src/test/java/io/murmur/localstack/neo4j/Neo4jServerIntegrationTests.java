package io.murmur.localstack.neo4j;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.exceptions.ClientException;

import io.murmur.localstack.LocalStack;
import io.murmur.localstack.Store;
import io.murmur.localstack.StoreOutage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class Neo4jServerIntegrationTests {

	@Test
	void shouldStoreAndMatchAFollowsRelationshipThroughTheDriver() {
		Neo4jServer neo4j = LocalStack.shared().neo4j();
		try (Driver driver = GraphDatabase.driver(neo4j.boltUri(), AuthTokens.none());
				Session session = driver.session()) {
			session.run("""
					CREATE (:User {id: $follower})-[:FOLLOWS {since: $since}]->(:User {id: $followed})
					""", Map.of("follower", "alice", "followed", "bob", "since", LocalDate.of(2024, 3, 1))).consume();

			Record follows = session.run("""
					MATCH (:User {id: $follower})-[f:FOLLOWS]->(followed:User)
					RETURN followed.id AS followed, f.since AS since
					""", Map.of("follower", "alice")).single();

			assertThat(follows.get("followed").asString()).isEqualTo("bob");
			assertThat(follows.get("since").asLocalDate()).isEqualTo(LocalDate.of(2024, 3, 1));
		}
		assertThat(neo4j.isHealthy()).isTrue();
		assertThat(neo4j.springProperties()).containsExactly(Map.entry("spring.neo4j.uri", neo4j.boltUri()));
	}

	@Test
	void shouldRefuseADuplicateUnderAUniquenessConstraint() {
		Neo4jServer neo4j = LocalStack.shared().neo4j();
		try (Driver driver = GraphDatabase.driver(neo4j.boltUri(), AuthTokens.none());
				Session session = driver.session()) {
			session.run("CREATE CONSTRAINT user_id_unique IF NOT EXISTS FOR (u:User) REQUIRE u.id IS UNIQUE").consume();
			session.run("CREATE (:User {id: $id})", Map.of("id", "carol")).consume();

			assertThatExceptionOfType(ClientException.class)
				.isThrownBy(() -> session.run("CREATE (:User {id: $id})", Map.of("id", "carol")).consume())
				.satisfies(
						(ex) -> assertThat(ex.code()).isEqualTo("Neo.ClientError.Schema.ConstraintValidationFailed"));
			assertThat(session.run("MATCH (u:User {id: $id}) RETURN count(u) AS users", Map.of("id", "carol"))
				.single()
				.get("users")
				.asLong()).isEqualTo(1);
		}
	}

	@Test
	void shouldKeepNodesAcrossAStopAndRestartOnTheSamePort() {
		Neo4jServer neo4j = LocalStack.shared().neo4j();
		try (Driver driver = GraphDatabase.driver(neo4j.boltUri(), AuthTokens.none())) {
			try (Session session = driver.session()) {
				session.run("CREATE (:User {id: $id})", Map.of("id", "written-before-the-outage")).consume();
			}

			StoreOutage.stopAndRestart(neo4j, neo4j.port());

			try (Session session = driver.session()) {
				assertThat(session
					.run("MATCH (u:User {id: $id}) RETURN count(u) AS users", Map.of("id", "written-before-the-outage"))
					.single()
					.get("users")
					.asLong()).isEqualTo(1);
			}
		}
	}

	@Test
	void shouldShutDownCleanlyAndFreeThePortOnClose(@TempDir Path runDir) throws IOException {
		Neo4jServer neo4j;
		try (LocalStack stack = new LocalStack(runDir)) {
			neo4j = (Neo4jServer) stack.start(Store.NEO4J);
			assertThat(neo4j.isHealthy()).isTrue();
		}
		assertThat(ProcessHandle.of(neo4j.pid())).isEmpty();
		assertThat(Files.readString(runDir.resolve("neo4j/neo4j.log"))).contains("Neo4j stopped");
		assertThat(StoreOutage.accepts(neo4j.port())).isFalse();
	}

}
