package io.murmur.events;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class EventSerializerTests {

	private final EventSerializer serializer = new EventSerializer();

	@Test
	void shouldRefuseToWriteARecordWithoutHeaders() {
		assertThatExceptionOfType(SerializationException.class)
			.isThrownBy(() -> this.serializer.serialize(Topics.POST, SampleEvents.of(EventType.POST_CREATED)))
			.withMessageContaining("murmur-event-type");
	}

	@Test
	void shouldReplaceATypeHeaderAlreadyOnTheRecord() {
		RecordHeaders headers = new RecordHeaders();
		headers.add(EventType.HEADER, "post.created.v1".getBytes(StandardCharsets.UTF_8));
		headers.add("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01".getBytes());
		this.serializer.serialize(Topics.POST, headers, SampleEvents.of(EventType.POST_DELETED));
		assertThat(headers.headers(EventType.HEADER)).singleElement()
			.satisfies((header) -> assertThat(header.value()).asString().isEqualTo("post.deleted.v1"));
		assertThat(headers.lastHeader("traceparent")).isNotNull();
	}

	@Test
	void shouldRefuseANullEvent() {
		assertThatExceptionOfType(SerializationException.class)
			.isThrownBy(() -> this.serializer.serialize(Topics.POST, new RecordHeaders(), null))
			.withMessageContaining("tombstones");
	}

	@Test
	void shouldRefuseAnEventThatIsNotARegisteredContract() {
		MurmurEvent unregistered = new Unregistered(UUID.randomUUID(), Instant.now());
		RecordHeaders headers = new RecordHeaders();
		assertThatExceptionOfType(SerializationException.class)
			.isThrownBy(() -> this.serializer.serialize(Topics.POST, headers, unregistered))
			.withMessageContaining(Unregistered.class.getName());
		assertThat(headers.toArray()).isEmpty();
	}

	@Test
	void shouldBeCreatableByKafkaFromItsClassName() throws ClassNotFoundException {
		Serializer<?> created = Utils.newInstance(EventSerializer.class.getName(), Serializer.class);
		assertThat(created).isInstanceOf(EventSerializer.class);
	}

	record Unregistered(UUID eventId, Instant occurredAt) implements MurmurEvent {

		@Override
		public String key() {
			return "1";
		}

	}

}
