package io.murmur.feed.config;

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
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.DelegatingByTypeSerializer;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.web.client.HttpClientErrorException;

import io.murmur.events.EventSerializer;
import io.murmur.events.MurmurEvent;
import io.murmur.events.Topics;

/**
 * Kafka: feed-service consumes post and graph events in the group {@value #GROUP}.
 * <ul>
 * <li>A failure to reach Redis or another service is retried with exponential back-off
 * for as long as it lasts: the partition waits rather than lose a delivery, and the
 * events after it keep their order.</li>
 * <li>A record that cannot be read, an event that makes no sense, or a request a service
 * refuses as bad goes to the group's dead-letter topic at once, and the partition moves
 * on.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class KafkaConfiguration {

	static final String GROUP = "feed-service";

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
		backOff.setMaxInterval(15_000);
		DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, backOff);
		handler.addNotRetryableExceptions(IllegalArgumentException.class, HttpClientErrorException.class);
		handler.addRetryableExceptions(HttpClientErrorException.Unauthorized.class,
				HttpClientErrorException.Forbidden.class, HttpClientErrorException.TooManyRequests.class);
		return handler;
	}

	@Bean
	KafkaAdmin.NewTopics feedTopics(FeedProperties properties) {
		FeedProperties.Kafka kafka = properties.kafka();
		return new KafkaAdmin.NewTopics(topic(Topics.POST, kafka), topic(Topics.GRAPH, kafka),
				topic(Topics.deadLetter(Topics.POST, GROUP), kafka),
				topic(Topics.deadLetter(Topics.GRAPH, GROUP), kafka));
	}

	private static NewTopic topic(String name, FeedProperties.Kafka kafka) {
		return TopicBuilder.name(name).partitions(kafka.partitions()).replicas(kafka.replicas()).build();
	}

}
