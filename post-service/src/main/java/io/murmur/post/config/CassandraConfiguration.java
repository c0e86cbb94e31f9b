package io.murmur.post.config;

import java.io.IOException;
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
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.data.cassandra.SessionFactory;
import org.springframework.data.cassandra.core.AsyncCassandraTemplate;
import org.springframework.data.cassandra.core.convert.CassandraConverter;
import org.springframework.data.cassandra.core.cql.generator.CqlGenerator;
import org.springframework.data.cassandra.core.cql.keyspace.CreateKeyspaceSpecification;
import org.springframework.data.cassandra.core.cql.session.init.ScriptUtils;

import io.murmur.support.web.StoreUnavailableExceptions;

/**
 * The Cassandra session, on the service's keyspace, with the schema in place: the
 * keyspace is created if it does not exist ({@code SimpleStrategy} with the configured
 * replication factor), then every statement of {@code cassandra/schema.cql} is applied.
 * All of them are {@code IF NOT EXISTS}, so applying them at each start-up, from any
 * number of replicas, is harmless; the schema only ever grows by appended statements.
 * Spring Data's templates are built on this session by Spring Boot.
 * <p>
 * Failures that mean Cassandra did not answer, as the driver raises them or as Spring
 * Data translates them, make a request fail with 503 {@code service-unavailable}, not
 * 500.
 */
@Configuration(proxyBeanMethods = false)
class CassandraConfiguration {

	private static final Log log = LogFactory.getLog(CassandraConfiguration.class);

	private static final ClassPathResource SCHEMA = new ClassPathResource("cassandra/schema.cql");

	/**
	 * How long one schema statement may take: creating a table waits for the schema to
	 * agree, which on a busy machine takes longer than an ordinary request may.
	 */
	private static final Duration SCHEMA_TIMEOUT = Duration.ofSeconds(30);

	@Bean
	StoreUnavailableExceptions cassandraUnavailable() {
		return StoreUnavailableExceptions.of("Cassandra", AllNodesFailedException.class, DriverTimeoutException.class,
				QueryExecutionException.class, DataAccessResourceFailureException.class,
				TransientDataAccessException.class);
	}

	/**
	 * The asynchronous template, which Spring Boot does not declare: pages of posts are
	 * read with concurrent queries.
	 * @param sessions the sessions of the blocking templates
	 * @param converter their entity converter
	 * @return the template
	 */
	@Bean
	AsyncCassandraTemplate asyncCassandraTemplate(SessionFactory sessions, CassandraConverter converter) {
		return new AsyncCassandraTemplate(sessions, converter);
	}

	@Bean
	CqlSession cassandraSession(CqlSessionBuilder builder, PostProperties properties) {
		PostProperties.Cassandra cassandra = properties.cassandra();
		try (CqlSession admin = builder.build()) {
			String createKeyspace = CqlGenerator.toCql(CreateKeyspaceSpecification.createKeyspace(cassandra.keyspace())
				.ifNotExists()
				.withSimpleReplication(cassandra.replicationFactor()));
			admin.execute(SimpleStatement.newInstance(createKeyspace).setTimeout(SCHEMA_TIMEOUT));
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
		try {
			List<String> statements = new ArrayList<>();
			ScriptUtils.splitCqlScript(SCHEMA.getContentAsString(StandardCharsets.UTF_8),
					ScriptUtils.DEFAULT_STATEMENT_SEPARATOR, statements);
			return statements;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
