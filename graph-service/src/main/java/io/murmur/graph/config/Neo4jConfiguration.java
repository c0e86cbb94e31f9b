package io.murmur.graph.config;

import org.neo4j.driver.exceptions.RetryableException;
import org.neo4j.driver.exceptions.ServiceUnavailableException;
import org.neo4j.driver.exceptions.SessionExpiredException;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.murmur.support.events.kafka.TransientFailures;
import io.murmur.support.web.StoreUnavailableExceptions;

/**
 * How the service treats the Neo4j driver's failures.
 * <ul>
 * <li>A request that fails because the database cannot be reached is answered with 503
 * {@code service-unavailable}, not 500.</li>
 * <li>An event whose handling fails with a failure the driver calls retryable (the
 * database out of reach, a deadlock, a leader switch) is retried for as long as it lasts,
 * not parked: Spring wraps some of them (a transaction that could not begin, a commit
 * that failed) in exceptions that are not Spring's transient data access ones.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class Neo4jConfiguration {

	@Bean
	StoreUnavailableExceptions neo4jUnavailable() {
		return StoreUnavailableExceptions.of("Neo4j", ServiceUnavailableException.class, SessionExpiredException.class);
	}

	@Bean
	TransientFailures neo4jTransientFailures() {
		return (failure) -> failure instanceof RetryableException;
	}

}
