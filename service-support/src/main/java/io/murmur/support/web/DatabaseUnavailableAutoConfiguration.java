package io.murmur.support.web;

import javax.sql.DataSource;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * In a service with a database: the failures that mean PostgreSQL cannot be reached (no
 * connection for a transaction, or Spring's resource failure), so that a request failing
 * with one is answered with 503 {@code service-unavailable}, not 500.
 */
@AutoConfiguration(afterName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
@ConditionalOnClass(CannotCreateTransactionException.class)
@ConditionalOnBean(DataSource.class)
public final class DatabaseUnavailableAutoConfiguration {

	@Bean
	StoreUnavailableExceptions databaseUnavailable() {
		return StoreUnavailableExceptions.of("PostgreSQL", CannotCreateTransactionException.class,
				DataAccessResourceFailureException.class);
	}

}
