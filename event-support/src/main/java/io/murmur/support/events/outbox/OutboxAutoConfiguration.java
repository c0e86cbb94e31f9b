package io.murmur.support.events.outbox;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.KafkaOperations;

/**
 * The {@link OutboxRelay} of a service that has an {@link OutboxStore}: its own, or the
 * ready-made PostgreSQL one ({@code murmur.outbox.store=postgres}).
 */
@AutoConfiguration(after = PostgresOutboxAutoConfiguration.class,
		afterName = "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration")
@EnableConfigurationProperties(OutboxProperties.class)
public final class OutboxAutoConfiguration {

	@Bean
	@ConditionalOnBean(OutboxStore.class)
	@ConditionalOnMissingBean
	OutboxRelay outboxRelay(OutboxStore store, KafkaOperations<Object, Object> kafka, OutboxProperties properties,
			MeterRegistry meters) {
		return new OutboxRelay(store, kafka, properties, meters);
	}

}
