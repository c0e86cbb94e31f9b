package io.murmur.graph.config;

import org.neo4j.driver.exceptions.ServiceUnavailableException;
import org.neo4j.driver.exceptions.SessionExpiredException;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.murmur.support.web.StoreUnavailableExceptions;

/**
 * The Neo4j driver's failures that mean the database cannot be reached: a request that
 * fails with one is answered with 503 {@code service-unavailable}, not 500.
 */
@Configuration(proxyBeanMethods = false)
class Neo4jConfiguration {

	@Bean
	StoreUnavailableExceptions neo4jUnavailable() {
		return StoreUnavailableExceptions.of("Neo4j", ServiceUnavailableException.class, SessionExpiredException.class);
	}

}
