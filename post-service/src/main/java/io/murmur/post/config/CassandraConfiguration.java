package io.murmur.post.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.datastax.oss.driver.api.core.AllNodesFailedException;
import com.datastax.oss.driver.api.core.CqlIdentifier;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.CqlSessionBuilder;
import com.datastax.oss.driver.api.core.DriverTimeoutException;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.datastax.oss.driver.api.core.servererrors.QueryExecutionException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;

import io.murmur.support.web.StoreUnavailableExceptions;

/**
 * The Cassandra session, on the service's keyspace, with the schema in place: the
 * keyspace is created if it does not exist ({@code SimpleStrategy} with the configured
 * replication factor), then every statement of {@code cassandra/schema.cql} is applied.
 * All of them are {@code IF NOT EXISTS}, so applying them at each start-up, from any
 * number of replicas, is harmless; the schema only ever grows by appended statements. The
 * driver's failures that mean Cassandra did not answer make a request fail with 503
 * {@code service-unavailable}, not 500.
 */
@Configuration(proxyBeanMethods = false)
class CassandraConfiguration {

	private static final Log log = LogFactory.getLog(CassandraConfiguration.class);

	private static final String SCHEMA = "cassandra/schema.cql";

	private static final Duration SCHEMA_TIMEOUT = Duration.ofSeconds(30);

	@Bean
	StoreUnavailableExceptions cassandraUnavailable() {
		return StoreUnavailableExceptions.of("Cassandra", AllNodesFailedException.class, DriverTimeoutException.class,
				QueryExecutionException.class);
	}

	@Bean
	CqlSession cassandraSession(CqlSessionBuilder builder, PostProperties properties) {
		PostProperties.Cassandra cassandra = properties.cassandra();
		try (CqlSession admin = builder.build()) {
			admin.execute(
					SimpleStatement
						.newInstance("CREATE KEYSPACE IF NOT EXISTS " + cassandra.keyspace()
								+ " WITH replication = {'class': 'SimpleStrategy', 'replication_factor': "
								+ cassandra.replicationFactor() + "}")
						.setTimeout(SCHEMA_TIMEOUT));
		}
		CqlSession session = builder.withKeyspace(CqlIdentifier.fromCql(cassandra.keyspace())).build();
		try {
			List<String> statements = statements();
			for (String statement : statements) {
				session.execute(SimpleStatement.newInstance(statement).setTimeout(SCHEMA_TIMEOUT));
			}
			session.checkSchemaAgreement();
			log.info("Applied " + statements.size() + " schema statements to keyspace " + cassandra.keyspace());
			return session;
		}
		catch (RuntimeException ex) {
			session.close();
			throw ex;
		}
	}

	static List<String> statements() {
		String text;
		try (InputStream in = new ClassPathResource(SCHEMA).getInputStream()) {
			text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		StringBuilder withoutComments = new StringBuilder();
		for (String line : text.split("\n")) {
			if (!line.strip().startsWith("--")) {
				withoutComments.append(line).append('\n');
			}
		}
		List<String> statements = new ArrayList<>();
		for (String statement : withoutComments.toString().split(";")) {
			if (!statement.isBlank()) {
				statements.add(statement.strip());
			}
		}
		return statements;
	}

}
