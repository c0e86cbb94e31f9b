package io.murmur.notification.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

import io.murmur.support.web.StoreUnavailableExceptions;

/**
 * The failures that mean PostgreSQL cannot be reached: a request that fails with one is
 * answered with 503 {@code service-unavailable}, not 500.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

	@Bean
	StoreUnavailableExceptions postgresUnavailable() {
		return StoreUnavailableExceptions.of("PostgreSQL", CannotCreateTransactionException.class,
				DataAccessResourceFailureException.class);
	}

}
