package io.murmur.events.user;

import io.murmur.events.MurmurEvent;
import io.murmur.events.Topics;

/**
 * An event of user-service, published on {@value Topics#USER}. Keyed by user id, so the
 * events of one user are seen in order.
 */
public sealed interface UserEvent extends MurmurEvent permits UserRegistered, ProfileUpdated {

	/**
	 * The user the event is about.
	 * @return the user id
	 */
	long userId();

	@Override
	default String key() {
		return Long.toString(userId());
	}

}
