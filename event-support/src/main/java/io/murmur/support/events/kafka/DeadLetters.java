package io.murmur.support.events.kafka;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.support.KafkaUtils;
import org.springframework.kafka.support.serializer.DeserializationException;

import io.murmur.events.Topics;

/**
 * Where a consumer group parks what it gave up on, and why: the record goes unchanged to
 * {@code <topic>.<group>.dlt} with Spring Kafka's exception headers and a
 * {@value #REASON_HEADER} header that says in one line why it was parked.
 */
final class DeadLetters {

	/**
	 * The header with the reason a record was parked, for operators.
	 */
	static final String REASON_HEADER = "murmur-dlt-reason";

	private static final int MAX_REASON_LENGTH = 1000;

	private final String defaultGroup;

	private final ConsumerFailures failures;

	DeadLetters(String defaultGroup, ConsumerFailures failures) {
		this.defaultGroup = defaultGroup;
		this.failures = failures;
	}

	DeadLetterPublishingRecoverer recoverer(org.springframework.kafka.core.KafkaOperations<Object, Object> kafka) {
		DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(kafka, this::destination);
		recoverer.addHeadersFunction(this::reasonHeader);
		return recoverer;
	}

	private TopicPartition destination(ConsumerRecord<?, ?> record, Exception failure) {
		String group = KafkaUtils.getConsumerGroupId();
		return new TopicPartition(Topics.deadLetter(record.topic(), (group != null) ? group : this.defaultGroup), -1);
	}

	private Headers reasonHeader(ConsumerRecord<?, ?> record, Exception failure) {
		Headers headers = new RecordHeaders();
		headers.add(REASON_HEADER, reason(failure).getBytes(StandardCharsets.UTF_8));
		return headers;
	}

	String reason(Exception failure) {
		Throwable cause = (failure instanceof ListenerExecutionFailedException && failure.getCause() != null)
				? failure.getCause() : failure;
		String reason;
		if (cause instanceof DeserializationException unreadable) {
			Throwable why = (unreadable.getCause() != null) ? unreadable.getCause() : unreadable;
			reason = "Could not be read: " + why.getMessage();
		}
		else if (this.failures.isRefused(cause)) {
			reason = "Refused without retry: " + describe(cause);
		}
		else {
			reason = "Failed on every retry: " + describe(cause);
		}
		return (reason.length() > MAX_REASON_LENGTH) ? reason.substring(0, MAX_REASON_LENGTH - 3) + "..." : reason;
	}

	private static String describe(Throwable failure) {
		return failure.getClass().getSimpleName() + ": " + failure.getMessage();
	}

}
