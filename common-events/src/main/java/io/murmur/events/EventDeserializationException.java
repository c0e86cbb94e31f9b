package io.murmur.events;

import java.io.Serial;

import org.apache.kafka.common.errors.SerializationException;
import org.jspecify.annotations.Nullable;

/**
 * A Kafka record could not be read as a Murmur event. Retrying cannot help: the record is
 * a poison message, to be parked on the consumer group's dead-letter topic (see
 * {@link Topics#deadLetter(String, String)}) with its original bytes.
 * <p>
 * The {@link #getMessage() message} starts with the {@link Reason} in brackets, for
 * example {@code [UNKNOWN_TYPE]}, so that the reason survives as text on the dead-letter
 * record. Behind Spring Kafka's {@code ErrorHandlingDeserializer} this exception becomes
 * the cause of Spring's {@code DeserializationException}, so the dead-letter record names
 * Spring's exception in its {@code kafka_dlt-exception-fqcn} and {@code -message} headers
 * and carries this one, reason included, in {@code kafka_dlt-exception-stacktrace}.
 */
public final class EventDeserializationException extends SerializationException {

	@Serial
	private static final long serialVersionUID = 1L;

	private final Reason reason;

	private final @Nullable String typeId;

	/**
	 * Creates an exception.
	 * @param reason why the record could not be read
	 * @param typeId the type id the record carried, if it carried one
	 * @param message what went wrong, for people
	 * @param cause the underlying failure, if any
	 */
	public EventDeserializationException(Reason reason, @Nullable String typeId, String message,
			@Nullable Throwable cause) {
		super("[" + reason + "] " + message, cause);
		this.reason = reason;
		this.typeId = typeId;
	}

	/**
	 * Why the record could not be read.
	 * @return the reason
	 */
	public Reason reason() {
		return this.reason;
	}

	/**
	 * The type id the record carried in its {@value EventType#HEADER} header.
	 * @return the type id, or {@code null} if the record had none
	 */
	public @Nullable String typeId() {
		return this.typeId;
	}

	/**
	 * Why a record could not be read as an event.
	 */
	public enum Reason {

		/**
		 * The record has no {@value EventType#HEADER} header, so there is no telling
		 * which contract its payload follows.
		 */
		MISSING_TYPE_HEADER,

		/**
		 * The type id is not one this version of the contracts knows: a producer is ahead
		 * of this consumer or wrote a wrong id.
		 */
		UNKNOWN_TYPE,

		/**
		 * The record has no value at all.
		 */
		MISSING_PAYLOAD,

		/**
		 * The value is not well-formed JSON.
		 */
		MALFORMED_JSON,

		/**
		 * The value is JSON but breaks the contract of its type: a required field is
		 * missing or null, a field has the wrong type, or an invariant does not hold.
		 */
		INVALID_EVENT

	}

}
