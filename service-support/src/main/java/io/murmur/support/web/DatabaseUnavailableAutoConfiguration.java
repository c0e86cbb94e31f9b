package io.murmur.support.web;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * In a service with a database: the failures that mean PostgreSQL cannot be reached, so
 * that a request failing with one is answered with 503 {@code service-unavailable}, not
 * 500. They are: no connection for a transaction; Spring's resource failure; a driver
 * error whose SQL state says the connection was lost (class {@code 08}) or the server is
 * going away ({@code 57P}); and a driver or pool error without any SQL state while the
 * pool cannot hand out a working connection.
 * <p>
 * The last is the case of a query running when PostgreSQL stops: the pool closes the
 * connection on the server's "terminating connection", the transaction's rollback then
 * fails on the closed connection ("Connection is closed", no state), and Spring throws
 * that failure in place of the first. Nothing in it names the database, so the pool is
 * asked: a request only pays for that question when it has already failed.
 */
@AutoConfiguration(afterName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
@ConditionalOnClass(CannotCreateTransactionException.class)
@ConditionalOnBean(DataSource.class)
public final class DatabaseUnavailableAutoConfiguration {

	/**
	 * How long the pool's answer may take, in seconds, once the pool has a connection.
	 */
	private static final int VALIDATION_TIMEOUT_SECONDS = 1;

	@Bean
	StoreUnavailableExceptions databaseUnavailable(DataSource dataSource) {
		return StoreUnavailableExceptions
			.of("PostgreSQL", CannotCreateTransactionException.class, DataAccessResourceFailureException.class)
			.or(DatabaseUnavailableAutoConfiguration::connectionLost)
			.or((ex) -> ex instanceof SQLException failure && failure.getSQLState() == null && !reachable(dataSource));
	}

	private static boolean connectionLost(Throwable ex) {
		return ex instanceof SQLException failure && failure.getSQLState() != null
				&& (failure.getSQLState().startsWith("08") || failure.getSQLState().startsWith("57P"));
	}

	private static boolean reachable(DataSource dataSource) {
		try (Connection connection = dataSource.getConnection()) {
			return connection != null && connection.isValid(VALIDATION_TIMEOUT_SECONDS);
		}
		catch (SQLException ex) {
			return false;
		}
	}

}
