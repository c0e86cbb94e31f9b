package io.murmur.localstack.postgres;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.murmur.localstack.LocalStack;
import io.murmur.localstack.Store;
import io.murmur.localstack.StoreOutage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PostgresServerIntegrationTests {

	@Test
	void shouldStoreAndReadRowsThroughJdbc() throws SQLException {
		PostgresServer postgres = LocalStack.shared().postgres();
		try (Connection connection = connect(postgres, postgres.jdbcUrl())) {
			try (Statement statement = connection.createStatement()) {
				statement.execute("CREATE TABLE handles (id bigint PRIMARY KEY, handle text NOT NULL UNIQUE)");
			}
			try (PreparedStatement insert = connection.prepareStatement("INSERT INTO handles VALUES (?, ?)")) {
				insert.setLong(1, 2);
				insert.setString(2, "grace");
				insert.addBatch();
				insert.setLong(1, 1);
				insert.setString(2, "ada");
				insert.addBatch();
				insert.executeBatch();
			}
			assertThat(query(connection, "SELECT handle FROM handles ORDER BY id")).containsExactly("ada", "grace");
		}
	}

	@Test
	void shouldCreateADatabaseOnceAndKeepItsDataApart() throws SQLException {
		PostgresServer postgres = LocalStack.shared().postgres();
		String url = postgres.createDatabase("user_service");
		try (Connection connection = connect(postgres, url); Statement statement = connection.createStatement()) {
			statement.execute("CREATE TABLE accounts (handle text)");
			statement.execute("INSERT INTO accounts VALUES ('ada')");
			assertThat(query(connection, "SELECT current_database()")).containsExactly("user_service");
		}
		assertThat(postgres.createDatabase("user_service")).isEqualTo(url);
		try (Connection connection = connect(postgres, url)) {
			assertThat(query(connection, "SELECT handle FROM accounts")).containsExactly("ada");
		}
		try (Connection connection = connect(postgres, postgres.jdbcUrl())) {
			assertThat(query(connection, "SELECT count(*) FROM pg_tables WHERE tablename = 'accounts'"))
				.containsExactly("0");
		}
	}

	@Test
	void shouldRefuseADatabaseNameThatIsNotAPlainIdentifier() {
		PostgresServer postgres = LocalStack.shared().postgres();
		assertThatIllegalArgumentException().isThrownBy(() -> postgres.createDatabase("users\"; DROP"));
	}

	@Test
	void shouldRunPostgreSql18() throws SQLException {
		PostgresServer postgres = LocalStack.shared().postgres();
		try (Connection connection = connect(postgres, postgres.jdbcUrl())) {
			assertThat(connection.getMetaData().getDatabaseMajorVersion()).isEqualTo(18);
			assertThat(query(connection, "SHOW server_version")).singleElement().asString().startsWith("18.");
			assertThat(query(connection, "SHOW server_encoding")).containsExactly("UTF8");
		}
	}

	@Test
	void shouldPointSpringAtTheDefaultDatabase() {
		PostgresServer postgres = LocalStack.shared().postgres();
		assertThat(postgres.isHealthy()).isTrue();
		assertThat(postgres.springProperties()).containsEntry("spring.datasource.url", postgres.jdbcUrl())
			.containsEntry("spring.datasource.username", postgres.username())
			.containsEntry("spring.datasource.password", postgres.password());
		assertThat(postgres.jdbcUrl()).endsWith(":" + postgres.port() + "/murmur");
	}

	@Test
	void shouldKeepCommittedRowsAcrossAStopAndRestartOnTheSamePort() throws SQLException {
		PostgresServer postgres = LocalStack.shared().postgres();
		String url = postgres.createDatabase("outage");
		try (Connection connection = connect(postgres, url); Statement statement = connection.createStatement()) {
			statement.execute("CREATE TABLE posts (id bigint PRIMARY KEY, body text NOT NULL)");
			statement.execute("INSERT INTO posts VALUES (1, 'written before the outage')");
		}

		StoreOutage.stopAndRestart(postgres, postgres.port());

		try (Connection connection = connect(postgres, url)) {
			assertThat(query(connection, "SELECT body FROM posts")).containsExactly("written before the outage");
		}
	}

	@Test
	void shouldStopWithoutLeavingAProcessOrItsDataBehind(@TempDir Path runDir) throws Exception {
		Files.setPosixFilePermissions(runDir, PosixFilePermissions.fromString("rwxr-xr-x"));
		PostgresServer postgres;
		Path home = runDir.resolve(Store.POSTGRES.id());
		try (LocalStack stack = new LocalStack(runDir)) {
			postgres = stack.postgres();
			try (Connection connection = connect(postgres, postgres.jdbcUrl())) {
				postgres.close();
				assertThat(connection.isValid(2)).isFalse();
			}
		}
		assertThat(ProcessHandle.of(postgres.pid())).isEmpty();
		assertThat(postgres.isHealthy()).isFalse();
		assertThat(home.resolve("data")).doesNotExist();
		assertThat(home.resolve("postgres.log")).content().contains("database system is shut down");
	}

	private static Connection connect(PostgresServer postgres, String url) throws SQLException {
		return DriverManager.getConnection(url, postgres.username(), postgres.password());
	}

	private static List<String> query(Connection connection, String sql) throws SQLException {
		List<String> values = new ArrayList<>();
		try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
			while (result.next()) {
				values.add(result.getString(1));
			}
		}
		return values;
	}

}
