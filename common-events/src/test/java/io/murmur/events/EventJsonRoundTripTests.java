package io.murmur.events;

import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.murmur.events.post.PostCreated;
import io.murmur.events.user.ProfileUpdated;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every event written by {@link EventSerializer} and read by {@link EventDeserializer}.
 */
class EventJsonRoundTripTests {

	private final EventSerializer serializer = new EventSerializer();

	private final EventDeserializer deserializer = new EventDeserializer();

	private final JsonMapper json = JsonMapper.builder().build();

	@ParameterizedTest
	@EnumSource
	void shouldReadBackAnEqualEvent(EventType type) {
		MurmurEvent event = SampleEvents.of(type);
		RecordHeaders headers = new RecordHeaders();
		byte[] value = this.serializer.serialize(type.topic(), headers, event);
		assertThat(this.deserializer.deserialize(type.topic(), headers, value)).isEqualTo(event)
			.isInstanceOf(type.eventClass());
	}

	@ParameterizedTest
	@EnumSource
	void shouldCarryTheVersionedTypeIdInTheTypeHeader(EventType type) {
		RecordHeaders headers = new RecordHeaders();
		this.serializer.serialize(type.topic(), headers, SampleEvents.of(type));
		Header[] typeHeaders = headers.toArray();
		assertThat(typeHeaders).singleElement().satisfies((header) -> {
			assertThat(header.key()).isEqualTo("murmur-event-type");
			assertThat(new String(header.value(), StandardCharsets.UTF_8)).isEqualTo(type.id()).endsWith(".v1");
		});
	}

	@ParameterizedTest
	@EnumSource
	void shouldWriteIdsAsJsonStrings(EventType type) throws Exception {
		MurmurEvent event = SampleEvents.of(type);
		JsonNode tree = write(event);
		for (RecordComponent component : type.eventClass().getRecordComponents()) {
			Object value = component.getAccessor().invoke(event);
			JsonNode node = tree.get(component.getName());
			if (component.getName().endsWith("Id")) {
				assertThat(node.isString()).as(component.getName()).isTrue();
				assertThat(node.stringValue()).as(component.getName()).isEqualTo(String.valueOf(value));
			}
			else if (component.getName().endsWith("Ids")) {
				List<String> expected = ((List<?>) value).stream().map(String::valueOf).toList();
				assertThat(node.values()).as(component.getName()).allMatch(JsonNode::isString);
				assertThat(node.values()).as(component.getName()).map(JsonNode::stringValue).isEqualTo(expected);
			}
		}
		assertThat(numberFields(tree)).isSubsetOf("sizeBytes");
	}

	@ParameterizedTest
	@EnumSource
	void shouldWriteInstantsAsIso8601Strings(EventType type) {
		MurmurEvent event = SampleEvents.of(type);
		JsonNode occurredAt = write(event).get("occurredAt");
		assertThat(occurredAt.isString()).isTrue();
		assertThat(occurredAt.stringValue()).isEqualTo("2026-03-14T15:09:26.535Z");
	}

	@ParameterizedTest
	@EnumSource
	void shouldWriteExactlyTheRecordComponents(EventType type) {
		List<String> components = Arrays.stream(type.eventClass().getRecordComponents())
			.map(RecordComponent::getName)
			.toList();
		assertThat(write(SampleEvents.of(type)).propertyNames()).containsExactlyElementsOf(components);
	}

	@Test
	void shouldLeaveOutNullFieldsAndReadThemBackAsNull() {
		ProfileUpdated withoutAvatar = new ProfileUpdated(UUID.randomUUID(), SampleEvents.OCCURRED_AT,
				SampleEvents.ALICE, "alice", "Alice", "", null);
		PostCreated plain = new PostCreated(UUID.randomUUID(), SampleEvents.OCCURRED_AT, SampleEvents.POST,
				SampleEvents.ALICE, SampleEvents.OCCURRED_AT, "Hello", null, null, null, List.of(), List.of(),
				List.of());
		assertThat(write(withoutAvatar).has("avatarMediaId")).isFalse();
		assertThat(write(plain).propertyNames()).doesNotContain("replyToPostId", "replyToAuthorId", "quoteOfPostId")
			.contains("mediaIds", "mentionedUserIds", "hashtags");
		assertThat(roundTrip(withoutAvatar)).isEqualTo(withoutAvatar);
		assertThat(roundTrip(plain)).isEqualTo(plain);
	}

	@Test
	void shouldKeepInstantsToTheNanosecond() {
		PostCreated event = new PostCreated(UUID.randomUUID(), SampleEvents.OCCURRED_AT.plusNanos(123_456_789),
				SampleEvents.POST, SampleEvents.ALICE, SampleEvents.OCCURRED_AT.plusNanos(1), "", null, null, null,
				List.of(SampleEvents.MEDIA), List.of(), List.of());
		assertThat(roundTrip(event)).isEqualTo(event);
	}

	private MurmurEvent roundTrip(MurmurEvent event) {
		RecordHeaders headers = new RecordHeaders();
		byte[] value = this.serializer.serialize("murmur.test", headers, event);
		return this.deserializer.deserialize("murmur.test", headers, value);
	}

	private JsonNode write(MurmurEvent event) {
		return this.json.readTree(this.serializer.serialize("murmur.test", new RecordHeaders(), event));
	}

	private List<String> numberFields(JsonNode tree) {
		List<String> names = new ArrayList<>();
		for (Map.Entry<String, JsonNode> property : tree.properties()) {
			JsonNode value = property.getValue();
			if (value.isNumber() || (value.isArray() && value.values().stream().anyMatch(JsonNode::isNumber))) {
				names.add(property.getKey());
			}
		}
		return names;
	}

}
