package io.murmur.notification.ingest;

import java.util.List;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import io.murmur.events.MurmurEvent;
import io.murmur.events.Topics;
import io.murmur.events.graph.UserFollowed;
import io.murmur.events.graph.UserUnfollowed;
import io.murmur.notification.inbox.InboxWriter;
import io.murmur.notification.inbox.NewNotification;
import io.murmur.notification.inbox.NotificationType;
import io.murmur.notification.inbox.Undo;

/**
 * Graph events: a follow tells the followed user, an unfollow takes it back. Both are
 * keyed by the follower, so they arrive in order.
 */
@Component
class GraphEventsListener {

	private final NotificationRules rules;

	private final InboxWriter inbox;

	GraphEventsListener(NotificationRules rules, InboxWriter inbox) {
		this.rules = rules;
		this.inbox = inbox;
	}

	@KafkaListener(topics = Topics.GRAPH)
	void on(MurmurEvent event) {
		switch (event) {
			case UserFollowed followed -> this.inbox.record(followed.eventId(),
					this.rules.wanted(List.of(new NewNotification(followed.followeeId(), NotificationType.FOLLOW,
							followed.followerId(), null, null, followed.occurredAt()))));
			case UserUnfollowed unfollowed -> this.inbox.takeBack(unfollowed.eventId(),
					new Undo(unfollowed.followeeId(), NotificationType.FOLLOW, unfollowed.followerId(), 0));
			default -> throw new IllegalArgumentException(
					"Unexpected event " + event.getClass().getSimpleName() + " on " + Topics.GRAPH);
		}
	}

}
