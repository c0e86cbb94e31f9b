package io.murmur.support.web;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

import static org.assertj.core.api.Assertions.assertThat;
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
	void shouldDeclareNothingInAServiceWithoutADatabase() {
		this.runner.run((context) -> assertThat(context).doesNotHaveBean(StoreUnavailableExceptions.class));
	}

}
