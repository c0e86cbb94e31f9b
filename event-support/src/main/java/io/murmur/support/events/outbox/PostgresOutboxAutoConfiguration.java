package io.murmur.support.events.outbox;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox of a service on PostgreSQL, with {@code murmur.outbox.store=postgres}: the
 * {@link PostgresOutbox} its features append to, and the store its relay reads.
 */
@AutoConfiguration
@ConditionalOnClass(JdbcClient.class)
@ConditionalOnProperty(name = "murmur.outbox.store", havingValue = "postgres")
@EnableConfigurationProperties(OutboxProperties.class)
public final class PostgresOutboxAutoConfiguration {

	@Bean
	PostgresOutboxStore postgresOutboxStore(JdbcClient jdbc, TransactionTemplate transaction,
			OutboxProperties properties) {
		return new PostgresOutboxStore(jdbc, transaction, properties);
	}

	@Bean
	PostgresOutbox postgresOutbox(JdbcTemplate jdbc, ObjectProvider<OutboxRelay> relay) {
		return new PostgresOutbox(jdbc, () -> relay.ifAvailable(OutboxRelay::wake));
	}

}
