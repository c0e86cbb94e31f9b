package io.murmur.support.web;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

class DatabaseUnavailableAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DatabaseUnavailableAutoConfiguration.class));

	@Test
	void shouldTakeALostDatabaseForAStoreOutOfReachInAServiceWithOne() {
		this.runner.withBean(DataSource.class, () -> mock(DataSource.class)).run((context) -> {
			StoreUnavailableExceptions declared = context.getBean(StoreUnavailableExceptions.class);
			assertThat(declared.store()).isEqualTo("PostgreSQL");
			assertThat(declared.matches(new IllegalStateException("wrapped",
					new CannotCreateTransactionException("Could not open JDBC Connection for transaction"))))
				.isTrue();
			assertThat(declared.matches(new DataAccessResourceFailureException("connection lost"))).isTrue();
			assertThat(declared.matches(new IllegalStateException("a bug"))).isFalse();
		});
	}

	@Test
	void shouldTakeAConnectionLostUnderARunningQueryForPostgresqlOutOfReach() {
		this.runner.withBean(DataSource.class, () -> mock(DataSource.class)).run((context) -> {
			StoreUnavailableExceptions declared = context.getBean(StoreUnavailableExceptions.class);
			assertThat(declared.matches(new IllegalStateException("wrapped",
					new SQLException("terminating connection due to administrator command", "57P01"))))
				.isTrue();
			assertThat(
					declared.matches(new SQLException("An I/O error occurred while sending to the backend", "08006")))
				.isTrue();
			assertThat(declared.matches(new SQLException("duplicate key value violates unique constraint", "23505")))
				.isFalse();
		});
	}

	@Test
	void shouldAskThePoolWhenAFailureWithoutAStateLeavesItOpenWhetherPostgresqlIsThere() throws SQLException {
		Connection working = mock(Connection.class);
		given(working.isValid(anyInt())).willReturn(true);
		DataSource up = mock(DataSource.class);
		given(up.getConnection()).willReturn(working);
		DataSource down = mock(DataSource.class);
		given(down.getConnection()).willThrow(new SQLException("Connection is not available, request timed out"));
		IllegalStateException rollbackFailed = new IllegalStateException("Unable to rollback against JDBC Connection",
				new SQLException("Connection is closed"));
		this.runner.withBean(DataSource.class, () -> down)
			.run((context) -> assertThat(context.getBean(StoreUnavailableExceptions.class).matches(rollbackFailed))
				.isTrue());
		this.runner.withBean(DataSource.class, () -> up)
			.run((context) -> assertThat(context.getBean(StoreUnavailableExceptions.class).matches(rollbackFailed))
				.isFalse());
		this.runner.withBean(DataSource.class, () -> down)
			.run((context) -> assertThat(context.getBean(StoreUnavailableExceptions.class)
				.matches(new SQLException("duplicate key value violates unique constraint", "23505"))).isFalse());
	}

	@Test
	void shouldDeclareNothingInAServiceWithoutADatabase() {
		this.runner.run((context) -> assertThat(context).doesNotHaveBean(StoreUnavailableExceptions.class));
	}

}
