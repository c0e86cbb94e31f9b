package io.murmur.graph.config;

import java.util.Map;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;

import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.DelegatingByTypeSerializer;
import org.springframework.util.backoff.ExponentialBackOff;

import io.murmur.events.EventSerializer;
import io.murmur.events.MurmurEvent;
import io.murmur.events.Topics;

/**
 * Kafka: one producer for the outbox relay (which sends the stored JSON as bytes) and the
 * dead-letter recoverer (which sends either the raw bytes of a record it could not read
 * or the event it could not process), and one error handler for the consumer group:
 * retries with exponential back-off, then the record is parked on the group's dead-letter
 * topic and the partition moves on. Records that cannot be read are not retried.
 */
@Configuration(proxyBeanMethods = false)
class KafkaConfiguration {

	/**
	 * The consumer group of graph-service, also the name of its dead-letter topic.
	 */
	static final String GROUP = "graph-service";

	@Bean
	DefaultKafkaProducerFactoryCustomizer eventOrBytesSerializer() {
		return (factory) -> {
			Map<Class<?>, Serializer<?>> byType = Map.of(byte[].class, new ByteArraySerializer(), MurmurEvent.class,
					new EventSerializer());
			@SuppressWarnings("unchecked")
			DefaultKafkaProducerFactory<Object, Object> objects = (DefaultKafkaProducerFactory<Object, Object>) factory;
			objects.setValueSerializerSupplier(() -> new DelegatingByTypeSerializer(byType, true));
		};
	}

	@Bean
	CommonErrorHandler kafkaErrorHandler(KafkaOperations<Object, Object> kafka) {
		DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(kafka,
				(record, ex) -> new TopicPartition(Topics.deadLetter(record.topic(), GROUP), -1));
		ExponentialBackOff backOff = new ExponentialBackOff(200, 2.0);
		backOff.setMaxInterval(5_000);
		backOff.setMaxAttempts(4);
		return new DefaultErrorHandler(recoverer, backOff);
	}

	@Bean
	NewTopic graphTopic(GraphProperties properties) {
		return TopicBuilder.name(Topics.GRAPH)
			.partitions(properties.kafka().partitions())
			.replicas(properties.kafka().replicas())
			.build();
	}

	@Bean
	NewTopic userDeadLetterTopic(GraphProperties properties) {
		return TopicBuilder.name(Topics.deadLetter(Topics.USER, GROUP))
			.partitions(properties.kafka().partitions())
			.replicas(properties.kafka().replicas())
			.build();
	}

}
