package io.murmur.events.media;

import io.murmur.events.MurmurEvent;
import io.murmur.events.Topics;

/**
 * An event of media-service, published on {@value Topics#MEDIA}. Keyed by owner id, so
 * the events of one owner's media are seen in order.
 */
public sealed interface MediaEvent extends MurmurEvent permits MediaUploaded, MediaDeleted {

	/**
	 * The media the event is about.
	 * @return the media id
	 */
	long mediaId();

	/**
	 * The user who uploaded the media and alone may attach it to a post.
	 * @return the owner's user id
	 */
	long ownerId();

	@Override
	default String key() {
		return Long.toString(ownerId());
	}

}
