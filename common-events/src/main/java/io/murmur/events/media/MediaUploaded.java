package io.murmur.events.media;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonFormat;

import io.murmur.events.EventChecks;

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
		EventChecks.identity(eventId, occurredAt);
		EventChecks.positive(mediaId, "mediaId");
		EventChecks.positive(ownerId, "ownerId");
		EventChecks.notBlank(contentType, "contentType");
		EventChecks.positive(sizeBytes, "sizeBytes");
	}

}
