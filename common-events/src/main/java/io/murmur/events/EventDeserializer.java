package io.murmur.events;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;
import org.jspecify.annotations.Nullable;

import io.murmur.events.EventDeserializationException.Reason;

/**
 * Reads the value of a Kafka record as an event: the {@value EventType#HEADER} header
 * picks the record type, the value is its JSON (see {@link EventJson}).
 * <p>
 * A record that cannot be read raises an {@link EventDeserializationException} naming the
 * reason. Consumers wrap this deserializer in Spring Kafka's
 * {@code ErrorHandlingDeserializer} so that such a record reaches the error handler,
 * which does not retry it but parks it, bytes intact, on the group's dead-letter topic,
 * and the partition moves on. Configurable by class name, for example: <pre>
 * spring.kafka.consumer.value-deserializer=org.springframework.kafka.support.serializer.ErrorHandlingDeserializer
 * spring.kafka.consumer.properties.spring.deserializer.value.delegate.class=io.murmur.events.EventDeserializer
 * </pre>
 */
public class EventDeserializer implements Deserializer<MurmurEvent> {

	/**
	 * Creates a deserializer; it needs no configuration.
	 */
	public EventDeserializer() {
	}

	/**
	 * Always fails: without headers there is no type id to read the value by.
	 * @throws EventDeserializationException always, with reason
	 * {@link Reason#MISSING_TYPE_HEADER}
	 */
	@Override
	public MurmurEvent deserialize(String topic, byte @Nullable [] data) {
		throw missingTypeHeader(topic);
	}

	@Override
	public MurmurEvent deserialize(String topic, Headers headers, byte @Nullable [] data) {
		Header header = headers.lastHeader(EventType.HEADER);
		if (header == null || header.value() == null) {
			throw missingTypeHeader(topic);
		}
		String typeId = new String(header.value(), StandardCharsets.UTF_8);
		return EventJson.read(typeId, data, topic);
	}

	private EventDeserializationException missingTypeHeader(String topic) {
		return new EventDeserializationException(Reason.MISSING_TYPE_HEADER, null,
				"Record on topic " + topic + " has no '" + EventType.HEADER + "' header", null);
	}

}
