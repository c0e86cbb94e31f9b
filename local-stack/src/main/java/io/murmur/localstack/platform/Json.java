package io.murmur.localstack.platform;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The platform's JSON, with Jackson 2, which the Cassandra driver already brings onto
 * local-stack's classpath. Written for people and scripts alike: one field a line at two
 * spaces per level, {@code "name": value}, so that the {@code platform} script can find
 * {@code "daemonPid": N,} with {@code sed}; times as ISO-8601 text. Fields it does not
 * know are skipped when reading, so that a state file written by a newer version stays
 * readable.
 */
final class Json {

	private static final ObjectMapper mapper = JsonMapper.builder()
		.addModule(new JavaTimeModule())
		.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.enable(SerializationFeature.INDENT_OUTPUT)
		.defaultPrettyPrinter(new DefaultPrettyPrinter(Separators.createDefaultInstance()
			.withObjectFieldValueSpacing(Separators.Spacing.AFTER)
			.withArrayEmptySeparator("")
			.withObjectEmptySeparator("")).withArrayIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE))
		.build();

	private Json() {
	}

	static String write(Object value) {
		try {
			return mapper.writeValueAsString(value) + "\n";
		}
		catch (JsonProcessingException ex) {
			throw new IllegalArgumentException("Cannot write " + value.getClass().getName() + " as JSON", ex);
		}
	}

	static <T> T read(String text, Class<T> type) {
		try {
			return mapper.readValue(text, type);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalArgumentException(ex.getOriginalMessage(), ex);
		}
	}

}
