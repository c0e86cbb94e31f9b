package io.murmur.notification.ingest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import io.murmur.events.post.PostCreated;
import io.murmur.notification.inbox.NewNotification;
import io.murmur.notification.inbox.NotificationType;
import io.murmur.notification.preference.Preference;
import io.murmur.notification.preference.Preferences;
import io.murmur.notification.source.FollowGraph;
import io.murmur.notification.source.PostDirectory;

/**
 * Who is told what. Nobody is told of their own action; a new post tells the author it
 * replies to, the author it quotes and the people it mentions, each once, a reply before
 * a quote before a mention; and each recipient's preferences decide what reaches them.
 * The look-ups this needs (a quoted post's author, whether the recipient follows the
 * actor) are made here, before the inbox's transaction.
 */
@Component
class NotificationRules {

	private final Preferences preferences;

	private final FollowGraph graph;

	private final PostDirectory posts;

	NotificationRules(Preferences preferences, FollowGraph graph, PostDirectory posts) {
		this.preferences = preferences;
		this.graph = graph;
		this.posts = posts;
	}

	/**
	 * What a new post causes: a reply, a quote, mentions.
	 * @param created the event
	 * @return the notifications to store
	 */
	List<NewNotification> forPost(PostCreated created) {
		Map<Long, NewNotification> byRecipient = new LinkedHashMap<>();
		if (created.replyToPostId() != null && created.replyToAuthorId() != null) {
			byRecipient.putIfAbsent(created.replyToAuthorId(),
					new NewNotification(created.replyToAuthorId(), NotificationType.REPLY, created.authorId(),
							created.postId(), created.replyToPostId(), created.occurredAt()));
		}
		Long quoted = created.quoteOfPostId();
		if (quoted != null) {
			this.posts.authorOf(quoted)
				.ifPresent((author) -> byRecipient.putIfAbsent(author, new NewNotification(author,
						NotificationType.QUOTE, created.authorId(), created.postId(), quoted, created.occurredAt())));
		}
		for (long mentioned : created.mentionedUserIds()) {
			byRecipient.putIfAbsent(mentioned, new NewNotification(mentioned, NotificationType.MENTION,
					created.authorId(), created.postId(), null, created.occurredAt()));
		}
		return wanted(new ArrayList<>(byRecipient.values()));
	}

	/**
	 * The notifications their recipients want: not of their own action, of a type they
	 * receive, and from someone they follow if they asked for that.
	 * @param candidates the notifications an event could cause
	 * @return those to store
	 */
	List<NewNotification> wanted(List<NewNotification> candidates) {
		List<NewNotification> wanted = new ArrayList<>();
		for (NewNotification candidate : candidates) {
			Long actor = candidate.actorId();
			if (actor == null || actor.longValue() == candidate.recipientId()) {
				continue;
			}
			Preference preference = this.preferences.of(candidate.recipientId());
			if (!preference.receives(candidate.type())) {
				continue;
			}
			if (!preference.fromNotFollowed() && !this.graph.follows(candidate.recipientId(), actor)) {
				continue;
			}
			wanted.add(candidate);
		}
		return wanted;
	}

}
