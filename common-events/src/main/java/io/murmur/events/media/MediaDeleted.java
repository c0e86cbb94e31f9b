package io.murmur.events.media;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonFormat;

import io.murmur.events.EventChecks;

/**
 * A user's media was deleted; its id can no longer be attached to posts.
 *
 * @param eventId the id of this event
 * @param occurredAt when the media was deleted
 * @param mediaId the deleted media's id
 * @param ownerId the owner's user id
 */
public record MediaDeleted(UUID eventId, Instant occurredAt, @JsonFormat(shape = JsonFormat.Shape.STRING) long mediaId,
		@JsonFormat(shape = JsonFormat.Shape.STRING) long ownerId) implements MediaEvent {

	public MediaDeleted {
		EventChecks.identity(eventId, occurredAt);
		EventChecks.positive(mediaId, "mediaId");
		EventChecks.positive(ownerId, "ownerId");
	}

}
