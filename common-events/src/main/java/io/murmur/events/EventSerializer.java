package io.murmur.events;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Serializer;
import org.jspecify.annotations.Nullable;

/**
 * Writes an event as the value of a Kafka record: its JSON (see {@link EventJson}) with
 * its logical type id in the {@value EventType#HEADER} header. Publish each event on
 * {@link EventType#topic()} with {@link MurmurEvent#key()} as a {@code String} key.
 * <p>
 * Configurable by class name, for example
 * {@code spring.kafka.producer.value-serializer=io.murmur.events.EventSerializer}.
 */
public class EventSerializer implements Serializer<MurmurEvent> {

	/**
	 * Creates a serializer; it needs no configuration.
	 */
	public EventSerializer() {
	}

	/**
	 * Always fails: an event is not readable without its type header, so a record without
	 * headers cannot carry one.
	 * @throws SerializationException always
	 */
	@Override
	public byte[] serialize(String topic, @Nullable MurmurEvent data) {
		throw new SerializationException("Murmur events need record headers to carry their '" + EventType.HEADER
				+ "' header; serialize(topic, data) cannot write one, use serialize(topic, headers, data)");
	}

	@Override
	public byte[] serialize(String topic, Headers headers, @Nullable MurmurEvent data) {
		if (data == null) {
			throw new SerializationException(
					"Murmur topics carry no tombstones: cannot publish a null event on " + topic);
		}
		EventType type;
		try {
			type = EventType.of(data);
		}
		catch (IllegalArgumentException ex) {
			throw new SerializationException(ex.getMessage(), ex);
		}
		headers.remove(EventType.HEADER);
		headers.add(EventType.HEADER, type.id().getBytes(StandardCharsets.UTF_8));
		return EventJson.write(data);
	}

}
