package io.murmur.support.events.app;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;

import io.murmur.localstack.Store;
import io.murmur.localstack.spring.LocalStores;

/**
 * {@link EventSupportTestApplication} against a real PostgreSQL and Kafka, with short
 * back-offs. Every test class with this annotation shares one application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(classes = EventSupportTestApplication.class,
		properties = { "spring.application.name=event-support-tests", "murmur.outbox.store=postgres",
				"murmur.outbox.poll-interval=5s", "murmur.kafka.publishes=murmur.user.v1",
				"murmur.kafka.consumes=murmur.media.v1,murmur.post.v1", "murmur.kafka.retry.initial-interval=100ms",
				"murmur.kafka.retry.max-interval=200ms", "murmur.kafka.retry.retries=2" })
@LocalStores({ Store.POSTGRES, Store.KAFKA })
public @interface EventSupportIntegrationTest {

}
