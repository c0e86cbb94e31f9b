package io.murmur.graph.user;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import io.murmur.events.MurmurEvent;
import io.murmur.events.Topics;
import io.murmur.events.user.ProfileUpdated;
import io.murmur.events.user.UserRegistered;

/**
 * Adds each registered user to the graph. A {@code MERGE} on the unique user id makes a
 * redelivered event, or one for a user a follow already brought in, change nothing.
 * Profile changes do not concern the graph.
 */
@Component
class UserRegisteredListener {

	private final UserNodes users;

	UserRegisteredListener(UserNodes users) {
		this.users = users;
	}

	@KafkaListener(topics = Topics.USER)
	void on(MurmurEvent event) {
		if (event instanceof UserRegistered registered) {
			this.users.ensure(registered.userId());
		}
		else if (!(event instanceof ProfileUpdated)) {
			throw new IllegalArgumentException(
					"Unexpected event " + event.getClass().getSimpleName() + " on " + Topics.USER);
		}
	}

}
