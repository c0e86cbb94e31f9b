package io.murmur.notification.push;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.murmur.notification.config.NotificationProperties;
import io.murmur.notification.inbox.NotificationSink;
import io.murmur.notification.inbox.NotificationType;

/**
 * Queues a delivery for every notification stored for a user with an enabled webhook that
 * takes its type, in the transaction that stores it. A group has one queued delivery at a
 * time: the first notification queues it, due after the coalescing window; the next ones
 * only note that it carries a newer notification. A row that was already attempted gets a
 * new message id, since what it carries changed.
 */
@Component
class WebhookQueue implements NotificationSink {

	private static final String ENQUEUE = """
			insert into webhook_deliveries (user_id, group_id, message_id, notification_id, queued_at, due_at)
			select w.user_id, :group, :message, :notification, :now, :due from webhooks w
			where w.user_id = :user and w.disabled_at is null and (w.types is null or :type = any(w.types))
			on conflict (user_id, group_id) do update set notification_id = excluded.notification_id,
			    message_id = case when webhook_deliveries.attempts > 0 then excluded.message_id
			        else webhook_deliveries.message_id end,
			    due_at = case when webhook_deliveries.attempts > 0 then webhook_deliveries.due_at
			        else least(excluded.due_at, webhook_deliveries.queued_at + cast(:maxDelay as interval)) end
			""";

	private final JdbcClient jdbc;

	private final Clock clock;

	private final NotificationProperties.Push properties;

	WebhookQueue(JdbcClient jdbc, Clock clock, NotificationProperties properties) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.properties = properties.push();
	}

	@Override
	public void stored(StoredNotification stored) {
		NotificationType type = stored.notification().type();
		if (!type.isCausedByPeople()) {
			return;
		}
		Instant now = this.clock.instant();
		this.jdbc.sql(ENQUEUE)
			.param("user", stored.notification().recipientId())
			.param("group", stored.groupId())
			.param("message", UUID.randomUUID())
			.param("notification", stored.id())
			.param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
			.param("due", OffsetDateTime.ofInstant(now.plus(this.properties.coalesceWindow()), ZoneOffset.UTC))
			.param("maxDelay", this.properties.coalesceMaxDelay().toMillis() + " milliseconds")
			.param("type", type.id())
			.update();
	}

}
