package io.murmur.support.events.kafka;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.DelegatingByTypeSerializer;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;

import io.murmur.events.EventDeserializer;
import io.murmur.events.EventSerializer;
import io.murmur.events.MurmurEvent;
import io.murmur.events.Topics;

/**
 * One Kafka set-up for every service.
 * <ul>
 * <li>Listeners receive {@link MurmurEvent}s: the value is read by
 * {@link EventDeserializer} inside Spring Kafka's {@link ErrorHandlingDeserializer}, so a
 * record that cannot be read reaches the error handler instead of stopping the
 * consumer.</li>
 * <li>One error handler for every listener: back-off as
 * {@link EventKafkaProperties.Retry} describes, then the group's dead-letter topic, with
 * a reason header operators can read ({@link DeadLetters}).</li>
 * <li>The producer sends {@link MurmurEvent}s (as JSON) and byte arrays (the outbox's
 * stored JSON, a dead-lettered record's original bytes).</li>
 * <li>The topics the service publishes to and consumes, and its dead-letter topics, are
 * created at start-up if missing ({@code murmur.kafka.publishes}, {@code consumes}).</li>
 * </ul>
 * The shared producer and consumer settings (acknowledgements, idempotence, timeouts, the
 * group id) are in {@code murmur/defaults/events.yml}.
 */
@AutoConfiguration(before = KafkaAutoConfiguration.class)
@EnableConfigurationProperties(EventKafkaProperties.class)
public final class EventKafkaAutoConfiguration {

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
	DefaultKafkaConsumerFactoryCustomizer eventDeserializer() {
		return (factory) -> {
			@SuppressWarnings("unchecked")
			DefaultKafkaConsumerFactory<Object, MurmurEvent> events = (DefaultKafkaConsumerFactory<Object, MurmurEvent>) (DefaultKafkaConsumerFactory<?, ?>) factory;
			events.setValueDeserializerSupplier(() -> new ErrorHandlingDeserializer<>(new EventDeserializer()));
		};
	}

	@Bean
	@ConditionalOnMissingBean
	ConsumerFailures consumerFailures(ObjectProvider<TransientFailures> more) {
		return new ConsumerFailures(more.orderedStream().toList());
	}

	@Bean
	@ConditionalOnMissingBean
	CommonErrorHandler eventErrorHandler(KafkaOperations<Object, Object> kafka, KafkaProperties kafkaProperties,
			EventKafkaProperties properties, ConsumerFailures failures) {
		DeadLetters deadLetters = new DeadLetters(group(kafkaProperties), failures);
		EventKafkaProperties.Retry retry = properties.retry();
		DefaultErrorHandler handler = new DefaultErrorHandler(deadLetters.recoverer(kafka),
				backOff(retry, retry.retries()));
		handler.setBackOffFunction((record, ex) -> failures.isTransient(ex) ? backOff(retry, null) : null);
		ConsumerFailures.refused().forEach(handler::addNotRetryableExceptions);
		ConsumerFailures.retriedAfterAll().forEach(handler::addRetryableExceptions);
		return handler;
	}

	private static BackOff backOff(EventKafkaProperties.Retry retry, @Nullable Integer retries) {
		ExponentialBackOff backOff = new ExponentialBackOff(retry.initialInterval().toMillis(), 2.0);
		backOff.setMaxInterval(retry.maxInterval().toMillis());
		if (retries != null) {
			backOff.setMaxAttempts(retries);
		}
		return backOff;
	}

	@Bean
	KafkaAdmin.NewTopics murmurTopics(EventKafkaProperties properties, KafkaProperties kafkaProperties) {
		List<String> names = new ArrayList<>(properties.publishes());
		properties.consumes().stream().filter((topic) -> !names.contains(topic)).forEach(names::add);
		String group = group(kafkaProperties);
		properties.consumes().forEach((topic) -> names.add(Topics.deadLetter(topic, group)));
		NewTopic[] topics = names.stream()
			.map((name) -> TopicBuilder.name(name)
				.partitions(properties.partitions())
				.replicas(properties.replicas())
				.build())
			.toArray(NewTopic[]::new);
		return new KafkaAdmin.NewTopics(topics);
	}

	private static String group(KafkaProperties kafkaProperties) {
		String group = kafkaProperties.getConsumer().getGroupId();
		if (group == null || group.isBlank()) {
			throw new IllegalStateException("spring.kafka.consumer.group-id is not set; it defaults to"
					+ " spring.application.name, so set one of them");
		}
		return group;
	}

}
