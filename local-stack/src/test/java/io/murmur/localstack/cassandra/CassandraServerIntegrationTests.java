package io.murmur.localstack.cassandra;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.UUID;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import org.junit.jupiter.api.Test;

import io.murmur.localstack.LocalStack;
import io.murmur.localstack.StoreOutage;

import static org.assertj.core.api.Assertions.assertThat;

class CassandraServerIntegrationTests {

	@Test
	void shouldWriteAndReadRowsThroughTheJavaDriver() {
		CassandraServer cassandra = LocalStack.shared().cassandra();
		try (CqlSession session = session(cassandra)) {
			session.execute("CREATE KEYSPACE IF NOT EXISTS feed WITH replication = "
					+ "{'class': 'SimpleStrategy', 'replication_factor': 1}");
			session.execute("CREATE TABLE IF NOT EXISTS feed.timeline "
					+ "(user_id uuid, post_id timeuuid, body text, PRIMARY KEY (user_id, post_id)) "
					+ "WITH CLUSTERING ORDER BY (post_id DESC)");
			UUID user = UUID.randomUUID();
			PreparedStatement insert = session
				.prepare("INSERT INTO feed.timeline (user_id, post_id, body) VALUES (?, now(), ?)");
			session.execute(insert.bind(user, "first"));
			session.execute(insert.bind(user, "second"));
			List<String> bodies = session
				.execute(session.prepare("SELECT body FROM feed.timeline WHERE user_id = ?").bind(user))
				.all()
				.stream()
				.map((row) -> row.getString("body"))
				.toList();
			assertThat(bodies).containsExactly("second", "first");
			Row local = session.execute("SELECT release_version FROM system.local").one();
			assertThat(local).isNotNull();
			assertThat(local.getString("release_version")).startsWith("5.0.");
		}
		assertThat(cassandra.isHealthy()).isTrue();
		assertThat(cassandra.springProperties())
			.containsEntry("spring.cassandra.contact-points", cassandra.contactPoint())
			.containsEntry("spring.cassandra.local-datacenter", "datacenter1");
	}

	@Test
	void shouldKeepRowsAndTheirSchemaAcrossAStopAndRestartOnTheSamePort() {
		CassandraServer cassandra = LocalStack.shared().cassandra();
		UUID post = UUID.randomUUID();
		try (CqlSession session = session(cassandra)) {
			session.execute("CREATE KEYSPACE IF NOT EXISTS outage WITH replication = "
					+ "{'class': 'SimpleStrategy', 'replication_factor': 1}");
			session.execute("CREATE TABLE IF NOT EXISTS outage.posts (id uuid PRIMARY KEY, body text)");
			session.execute(session.prepare("INSERT INTO outage.posts (id, body) VALUES (?, ?)")
				.bind(post, "written before the outage"));
		}

		StoreOutage.stopAndRestart(cassandra, cassandra.port());

		try (CqlSession session = session(cassandra)) {
			Row row = session.execute(session.prepare("SELECT body FROM outage.posts WHERE id = ?").bind(post)).one();
			assertThat(row).isNotNull();
			assertThat(row.getString("body")).isEqualTo("written before the outage");
		}
	}

	private static CqlSession session(CassandraServer cassandra) {
		return CqlSession.builder()
			.addContactPoint(new InetSocketAddress(cassandra.host(), cassandra.port()))
			.withLocalDatacenter(cassandra.localDatacenter())
			.build();
	}

}
