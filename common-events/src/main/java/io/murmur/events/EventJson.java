package io.murmur.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

import io.murmur.events.EventDeserializationException.Reason;

/**
 * The JSON form of the events, shared by {@link EventSerializer} and
 * {@link EventDeserializer} and usable on its own where an event is stored before it is
 * published, as in an outbox.
 * <p>
 * Instants are ISO-8601 strings, ids of users, posts and media are decimal strings (they
 * exceed the integers JavaScript represents exactly), and null fields are left out.
 * Reading ignores fields it does not know, so producers may add fields to a contract
 * before its consumers know them; it rejects anything that breaks a contract, since the
 * type id, not the JSON, decides which record a payload is read into.
 */
public final class EventJson {

	private static final JsonMapper mapper = JsonMapper.builder()
		.disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
		.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
		.changeDefaultPropertyInclusion((inclusion) -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
		.build();

	private EventJson() {
	}

	/**
	 * Writes an event as JSON.
	 * @param event the event
	 * @return its UTF-8 JSON
	 * @throws IllegalArgumentException if the event's class is not a registered contract
	 */
	public static byte[] write(MurmurEvent event) {
		EventType.of(event);
		return mapper.writeValueAsBytes(event);
	}

	/**
	 * Reads an event of the given type.
	 * @param typeId the event's type id, as carried by its {@value EventType#HEADER}
	 * header
	 * @param json the event's UTF-8 JSON
	 * @return the event
	 * @throws EventDeserializationException if the type is unknown or the JSON is not a
	 * valid event of that type
	 */
	public static MurmurEvent read(String typeId, byte[] json) {
		return read(typeId, json, null);
	}

	static MurmurEvent read(String typeId, byte @Nullable [] json, @Nullable String topic) {
		String on = (topic != null) ? " on topic " + topic : "";
		EventType type = EventType.forId(typeId)
			.orElseThrow(() -> new EventDeserializationException(Reason.UNKNOWN_TYPE, typeId,
					"Event type '" + typeId + "'" + on + " is not registered", null));
		if (json == null || json.length == 0) {
			throw new EventDeserializationException(Reason.MISSING_PAYLOAD, typeId,
					"Record of type '" + typeId + "'" + on + " has no payload", null);
		}
		try {
			MurmurEvent event = mapper.readValue(json, type.eventClass());
			if (event == null) {
				throw new EventDeserializationException(Reason.INVALID_EVENT, typeId,
						"Payload of type '" + typeId + "'" + on + " is JSON null", null);
			}
			return event;
		}
		catch (StreamReadException ex) {
			throw new EventDeserializationException(Reason.MALFORMED_JSON, typeId,
					"Payload of type '" + typeId + "'" + on + " is not well-formed JSON: " + ex.getOriginalMessage(),
					ex);
		}
		catch (JacksonException ex) {
			throw new EventDeserializationException(Reason.INVALID_EVENT, typeId, "Payload of type '" + typeId + "'"
					+ on + " breaks its contract" + at(ex) + ": " + ex.getOriginalMessage(), ex);
		}
	}

	private static String at(JacksonException ex) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference reference : ex.getPath()) {
			if (reference.getPropertyName() != null) {
				path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.isEmpty() ? "" : " at '" + path + "'";
	}

}
