package io.murmur.notification.ingest;

import java.util.List;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import io.murmur.events.MurmurEvent;
import io.murmur.events.Topics;
import io.murmur.events.post.PostCreated;
import io.murmur.events.post.PostDeleted;
import io.murmur.events.post.PostLiked;
import io.murmur.events.post.PostReposted;
import io.murmur.events.post.PostUnliked;
import io.murmur.events.post.PostUnreposted;
import io.murmur.notification.inbox.InboxWriter;
import io.murmur.notification.inbox.NewNotification;
import io.murmur.notification.inbox.NotificationType;
import io.murmur.notification.inbox.Undo;

/**
 * Post events, in order per post author: likes and reposts tell the author, new posts
 * tell whom they reply to, quote and mention; unlikes, undone reposts and deletions take
 * back what they caused. Every event is handled once, however often Kafka delivers it
 * (the inbox records its id).
 */
@Component
class PostEventsListener {

	private final NotificationRules rules;

	private final InboxWriter inbox;

	PostEventsListener(NotificationRules rules, InboxWriter inbox) {
		this.rules = rules;
		this.inbox = inbox;
	}

	@KafkaListener(topics = Topics.POST)
	void on(MurmurEvent event) {
		switch (event) {
			case PostLiked liked ->
				this.inbox.record(liked.eventId(), this.rules.wanted(List.of(new NewNotification(liked.postAuthorId(),
						NotificationType.LIKE, liked.userId(), liked.postId(), null, liked.occurredAt()))));
			case PostReposted reposted -> this.inbox.record(reposted.eventId(),
					this.rules.wanted(List.of(new NewNotification(reposted.postAuthorId(), NotificationType.REPOST,
							reposted.reposterId(), reposted.postId(), null, reposted.occurredAt()))));
			case PostCreated created -> this.inbox.record(created.eventId(), this.rules.forPost(created));
			case PostUnliked unliked -> this.inbox.takeBack(unliked.eventId(),
					new Undo(unliked.postAuthorId(), NotificationType.LIKE, unliked.userId(), unliked.postId()));
			case PostUnreposted undone -> this.inbox.takeBack(undone.eventId(),
					new Undo(undone.postAuthorId(), NotificationType.REPOST, undone.reposterId(), undone.postId()));
			case PostDeleted deleted -> this.inbox.takeBackPost(deleted.eventId(), deleted.postId());
			default -> throw new IllegalArgumentException(
					"Unexpected event " + event.getClass().getSimpleName() + " on " + Topics.POST);
		}
	}

}
