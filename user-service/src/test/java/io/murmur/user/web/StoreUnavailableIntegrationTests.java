package io.murmur.user.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.murmur.localstack.LocalStack;
import io.murmur.localstack.postgres.PostgresServer;
import io.murmur.user.Api;
import io.murmur.user.Api.Account;
import io.murmur.user.UserServiceIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * PostgreSQL stopping under the service, for real: a request whose query was running when
 * it stopped, and the requests while it is away, are answered 503 problem+json within the
 * pool's connection timeout, and the service serves again once it is back.
 */
@UserServiceIntegrationTest
class StoreUnavailableIntegrationTests {

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	@Autowired
	private DataSource dataSource;

	private Api api;

	private int port;

	@BeforeEach
	void setUp(@LocalServerPort int port) {
		this.api = new Api(port);
		this.port = port;
	}

	@Test
	void shouldAnswer503ToARequestCaughtByTheStopAndToThoseWhilePostgresIsAway() throws Exception {
		Account account = this.api.register();
		String token = this.api.login(account).accessToken();
		HttpResponse<String> caught;
		HttpResponse<String> whileAway;
		long whileAwayMillis;
		Connection other = this.dataSource.getConnection();
		try {
			other.setAutoCommit(false);
			try (PreparedStatement lock = other.prepareStatement("select id from users where id = ? for update")) {
				lock.setLong(1, Long.parseLong(account.id()));
				lock.executeQuery().close();
			}
			// The update waits to lock the row this transaction holds, so that its query
			// is
			// running inside the database when PostgreSQL stops.
			CompletableFuture<HttpResponse<String>> update = http.sendAsync(patchBio(token),
					HttpResponse.BodyHandlers.ofString());
			await().atMost(Duration.ofSeconds(10)).until(() -> waitingForTheLock(other));
			postgres().stop();
			caught = update.get(10, TimeUnit.SECONDS);
			long started = System.nanoTime();
			whileAway = http.send(patchBio(token), HttpResponse.BodyHandlers.ofString());
			whileAwayMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
		}
		finally {
			if (!postgres().isRunning()) {
				postgres().restart();
			}
			closeQuietly(other);
		}
		assertThat(caught.statusCode()).as(caught.body()).isEqualTo(503);
		assertThat(caught.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(caught.body()).contains("service-unavailable");
		assertThat(whileAway.statusCode()).as(whileAway.body()).isEqualTo(503);
		assertThat(whileAway.body()).contains("service-unavailable");
		assertThat(whileAwayMillis).isLessThan(4_000);
		await().atMost(Duration.ofSeconds(30))
			.until(() -> http.send(patchBio(token), HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
	}

	private HttpRequest patchBio(String token) {
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/v1/users/me"))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.timeout(Duration.ofSeconds(10))
			.method("PATCH", HttpRequest.BodyPublishers.ofString("{\"bio\":\"Written while the database stops\"}"))
			.build();
	}

	private static boolean waitingForTheLock(Connection other) throws SQLException {
		try (PreparedStatement waiting = other.prepareStatement(
				"select count(*) from pg_stat_activity where wait_event_type = 'Lock' and datname = current_database()");
				ResultSet result = waiting.executeQuery()) {
			result.next();
			return result.getInt(1) > 0;
		}
	}

	/** The test's connection died with the server; the pool only has to take it back. */
	private static void closeQuietly(Connection connection) {
		try {
			connection.close();
		}
		catch (SQLException expected) {
			// closed by the stop
		}
	}

	private static PostgresServer postgres() {
		return LocalStack.shared().postgres();
	}

}
