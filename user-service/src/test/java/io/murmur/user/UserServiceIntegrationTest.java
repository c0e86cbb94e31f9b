package io.murmur.user;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.ContextConfiguration;

import io.murmur.localstack.Store;
import io.murmur.localstack.spring.LocalStores;

/**
 * The whole service on a random port against a real PostgreSQL and Kafka, driven over
 * HTTP, with media-service replaced by {@link StubMediaService}. Every test class with
 * this annotation shares one application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "murmur.outbox.poll-interval=100ms", "murmur.outbox.min-backoff=200ms",
				"murmur.outbox.max-backoff=1s", "spring.kafka.producer.properties.max.block.ms=2000",
				"spring.kafka.producer.properties.request.timeout.ms=2000",
				"spring.kafka.producer.properties.delivery.timeout.ms=4000",
				"spring.jpa.properties.hibernate.generate_statistics=true" })
@ContextConfiguration(initializers = StubMediaService.Initializer.class)
@LocalStores({ Store.POSTGRES, Store.KAFKA })
public @interface UserServiceIntegrationTest {

}
