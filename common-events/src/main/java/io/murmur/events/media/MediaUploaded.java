package io.murmur.events.media;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonFormat;

/**
 * A user's upload was checked and stored, so its id may now be attached to the owner's
 * posts.
 *
 * @param eventId the id of this event
 * @param occurredAt when the upload was stored
 * @param mediaId the new media's id
 * @param ownerId the uploader's user id
 * @param contentType the media type detected from the content, for example
 * {@code image/jpeg}
 * @param sizeBytes the stored size in bytes, after metadata was stripped
 */
public record MediaUploaded(UUID eventId, Instant occurredAt, @JsonFormat(shape = JsonFormat.Shape.STRING) long mediaId,
		@JsonFormat(shape = JsonFormat.Shape.STRING) long ownerId, String contentType,
		long sizeBytes) implements MediaEvent {

	public MediaUploaded {
		Objects.requireNonNull(eventId, "eventId must not be null");
		Objects.requireNonNull(occurredAt, "occurredAt must not be null");
		if (mediaId <= 0) {
			throw new IllegalArgumentException("mediaId must be positive");
		}
		if (ownerId <= 0) {
			throw new IllegalArgumentException("ownerId must be positive");
		}
		Objects.requireNonNull(contentType, "contentType must not be null");
		if (contentType.isBlank()) {
			throw new IllegalArgumentException("contentType must not be blank");
		}
		if (sizeBytes <= 0) {
			throw new IllegalArgumentException("sizeBytes must be positive");
		}
	}

}
