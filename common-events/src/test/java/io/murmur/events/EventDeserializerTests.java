package io.murmur.events;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.utils.Utils;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.ThrowingSupplier;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import io.murmur.events.EventDeserializationException.Reason;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Records that are not valid events: each must fail with an
 * {@link EventDeserializationException} naming why, never be skipped or half read.
 */
class EventDeserializerTests {

	private final EventDeserializer deserializer = new EventDeserializer();

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void shouldRejectAnUnknownTypeId() {
		EventDeserializationException ex = failure(
				() -> read("post.exploded.v1", sample("post.created.v1.json"), Topics.POST));
		assertThat(ex.reason()).isEqualTo(Reason.UNKNOWN_TYPE);
		assertThat(ex.typeId()).isEqualTo("post.exploded.v1");
		assertThat(ex).hasMessageStartingWith("[UNKNOWN_TYPE]").hasMessageContaining("post.exploded.v1");
	}

	@Test
	void shouldRejectANewerVersionOfAKnownType() {
		EventDeserializationException ex = failure(
				() -> read("post.created.v2", sample("post.created.v1.json"), Topics.POST));
		assertThat(ex.reason()).isEqualTo(Reason.UNKNOWN_TYPE);
	}

	@Test
	void shouldRejectARecordWithoutTypeHeader() {
		EventDeserializationException ex = failure(() -> read(null, sample("post.created.v1.json"), Topics.POST));
		assertThat(ex.reason()).isEqualTo(Reason.MISSING_TYPE_HEADER);
		assertThat(ex.typeId()).isNull();
		assertThat(ex).hasMessageContaining("murmur-event-type").hasMessageContaining(Topics.POST);
	}

	@Test
	void shouldRejectReadingWithoutHeaders() {
		EventDeserializationException ex = failure(
				() -> this.deserializer.deserialize(Topics.POST, sample("post.created.v1.json")));
		assertThat(ex.reason()).isEqualTo(Reason.MISSING_TYPE_HEADER);
	}

	@Test
	void shouldRejectMalformedJson() {
		byte[] truncated = "{\"eventId\":\"3f0c8a4e-9b1d-4c2a-8e57-000000000006\",\"postId\":".getBytes();
		EventDeserializationException ex = failure(() -> read("post.deleted.v1", truncated, Topics.POST));
		assertThat(ex.reason()).isEqualTo(Reason.MALFORMED_JSON);
		assertThat(ex.typeId()).isEqualTo("post.deleted.v1");
		assertThat(ex).isInstanceOf(SerializationException.class).hasMessageStartingWith("[MALFORMED_JSON]");
	}

	@Test
	void shouldRejectAValueThatIsNotJsonAtAll() {
		EventDeserializationException ex = failure(
				() -> read("post.deleted.v1", new byte[] { (byte) 0xCA, (byte) 0xFE, 0x00, 0x01 }, Topics.POST));
		assertThat(ex.reason()).isEqualTo(Reason.MALFORMED_JSON);
	}

	@Test
	void shouldRejectTrailingGarbage() {
		byte[] value = (new String(sample("post.deleted.v1.json"), StandardCharsets.UTF_8) + " }").getBytes();
		EventDeserializationException ex = failure(() -> read("post.deleted.v1", value, Topics.POST));
		assertThat(ex.reason()).isEqualTo(Reason.MALFORMED_JSON);
	}

	@Test
	void shouldRejectJsonMissingARequiredId() {
		byte[] value = without("post.liked.v1.json", "postAuthorId");
		EventDeserializationException ex = failure(() -> read("post.liked.v1", value, Topics.POST));
		assertThat(ex.reason()).isEqualTo(Reason.INVALID_EVENT);
		assertThat(ex.typeId()).isEqualTo("post.liked.v1");
		assertThat(ex).hasMessageStartingWith("[INVALID_EVENT]").hasMessageContaining("postAuthorId");
	}

	@Test
	void shouldRejectJsonMissingARequiredText() {
		byte[] value = without("user.registered.v1.json", "handle");
		EventDeserializationException ex = failure(() -> read("user.registered.v1", value, Topics.USER));
		assertThat(ex.reason()).isEqualTo(Reason.INVALID_EVENT);
		assertThat(ex).hasMessageContaining("handle");
	}

	@Test
	void shouldRejectJsonMissingTheEventId() {
		byte[] value = without("media.deleted.v1.json", "eventId");
		EventDeserializationException ex = failure(() -> read("media.deleted.v1", value, Topics.MEDIA));
		assertThat(ex.reason()).isEqualTo(Reason.INVALID_EVENT);
		assertThat(ex).hasMessageContaining("eventId");
	}

	@Test
	void shouldRejectAnIdThatIsNotANumber() {
		ObjectNode tree = tree("user.unfollowed.v1.json");
		tree.put("followeeId", "alice");
		EventDeserializationException ex = failure(
				() -> read("user.unfollowed.v1", this.json.writeValueAsBytes(tree), Topics.GRAPH));
		assertThat(ex.reason()).isEqualTo(Reason.INVALID_EVENT);
		assertThat(ex).hasMessageContaining("followeeId");
	}

	@Test
	void shouldRejectAnEventBreakingAnInvariant() {
		ObjectNode tree = tree("user.followed.v1.json");
		tree.set("followeeId", tree.get("followerId"));
		EventDeserializationException ex = failure(
				() -> read("user.followed.v1", this.json.writeValueAsBytes(tree), Topics.GRAPH));
		assertThat(ex.reason()).isEqualTo(Reason.INVALID_EVENT);
		assertThat(ex).hasMessageContaining("cannot follow themselves");
	}

	@Test
	void shouldRejectJsonThatIsNotAnObject() {
		assertThat(failure(() -> read("post.deleted.v1", "[]".getBytes(), Topics.POST)).reason())
			.isEqualTo(Reason.INVALID_EVENT);
		assertThat(failure(() -> read("post.deleted.v1", "null".getBytes(), Topics.POST)).reason())
			.isEqualTo(Reason.INVALID_EVENT);
	}

	@Test
	void shouldRejectARecordWithoutValue() {
		assertThat(failure(() -> read("post.deleted.v1", null, Topics.POST)).reason())
			.isEqualTo(Reason.MISSING_PAYLOAD);
		assertThat(failure(() -> read("post.deleted.v1", new byte[0], Topics.POST)).reason())
			.isEqualTo(Reason.MISSING_PAYLOAD);
	}

	@Test
	void shouldBeCreatableByKafkaFromItsClassName() throws ClassNotFoundException {
		Deserializer<?> created = Utils.newInstance(EventDeserializer.class.getName(), Deserializer.class);
		assertThat(created).isInstanceOf(EventDeserializer.class);
	}

	private MurmurEvent read(@Nullable String typeId, byte @Nullable [] value, String topic) {
		RecordHeaders headers = new RecordHeaders();
		if (typeId != null) {
			headers.add(EventType.HEADER, typeId.getBytes(StandardCharsets.UTF_8));
		}
		return this.deserializer.deserialize(topic, headers, value);
	}

	private EventDeserializationException failure(ThrowingSupplier<?> reading) {
		EventDeserializationException ex = catchThrowableOfType(EventDeserializationException.class, reading::get);
		assertThat(ex).as("an EventDeserializationException").isNotNull();
		return ex;
	}

	private byte[] without(String sample, String field) {
		ObjectNode tree = tree(sample);
		tree.remove(field);
		return this.json.writeValueAsBytes(tree);
	}

	private ObjectNode tree(String sample) {
		return (ObjectNode) this.json.readTree(sample(sample));
	}

	private byte[] sample(String name) {
		try (InputStream in = getClass().getResourceAsStream("/samples/" + name)) {
			assertThat(in).isNotNull();
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
