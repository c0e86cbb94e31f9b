package io.murmur.events;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Guards the published contracts: the current deserializer must read the JSON that
 * earlier producers wrote. {@code src/test/resources/samples/<type-id>.json} holds one
 * checked-in sample per registered type, equal to {@link SampleEvents#of(EventType)}.
 * <p>
 * Samples are frozen once their type has shipped. When this test fails after a record
 * changed, the change would break consumers of events already on the topics (a field
 * became required, was renamed or changed its type): make the new field optional or
 * publish a new type id ({@code .v2}) instead of editing the sample.
 */
class EventCompatibilityTests {

	private final EventDeserializer deserializer = new EventDeserializer();

	@ParameterizedTest
	@EnumSource
	void shouldReadTheCheckedInSampleOfEveryType(EventType type) {
		byte[] sample = sample(type.id() + ".json");
		assertThat(read(type, sample)).isEqualTo(SampleEvents.of(type));
	}

	@Test
	void shouldHaveExactlyOneSamplePerRegisteredType() throws IOException, URISyntaxException {
		URL samples = getClass().getResource("/samples");
		assertThat(samples).isNotNull();
		List<String> files;
		try (Stream<Path> paths = Files.list(Path.of(samples.toURI()))) {
			files = paths.filter(Files::isRegularFile).map((path) -> path.getFileName().toString()).toList();
		}
		List<String> expected = Arrays.stream(EventType.values()).map((type) -> type.id() + ".json").toList();
		assertThat(files).containsExactlyInAnyOrderElementsOf(expected);
	}

	@Test
	void shouldReadASampleWithFieldsAddedByALaterProducer() {
		byte[] sample = sample("forward-compatible/post.created.v1.json");
		assertThat(read(EventType.POST_CREATED, sample)).isEqualTo(SampleEvents.of(EventType.POST_CREATED));
	}

	@ParameterizedTest
	@EnumSource
	void shouldIgnoreUnknownFieldsInEveryType(EventType type) {
		JsonMapper json = JsonMapper.builder().build();
		ObjectNode tree = (ObjectNode) json.readTree(sample(type.id() + ".json"));
		tree.put("addedLater", "a value this version does not know");
		tree.putObject("addedLaterObject").putArray("items").add(1).add("two");
		assertThat(read(type, json.writeValueAsBytes(tree))).isEqualTo(SampleEvents.of(type));
	}

	private MurmurEvent read(EventType type, byte[] value) {
		RecordHeaders headers = new RecordHeaders();
		headers.add(EventType.HEADER, type.id().getBytes(StandardCharsets.UTF_8));
		return this.deserializer.deserialize(type.topic(), headers, value);
	}

	private byte[] sample(String name) {
		try (InputStream in = getClass().getResourceAsStream("/samples/" + name)) {
			assertThat(in).as("checked-in sample samples/%s", name).isNotNull();
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
