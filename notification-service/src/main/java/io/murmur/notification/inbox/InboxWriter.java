package io.murmur.notification.inbox;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.murmur.notification.config.NotificationProperties;
import io.murmur.notification.inbox.NotificationSink.StoredNotification;

/**
 * Writes users' notifications: stores them in their groups, takes back what an undoing
 * event caused, and moves read markers. Each write is one transaction that
 * <ul>
 * <li>records the event id first, so that a redelivered event changes nothing;</li>
 * <li>holds a lock per recipient (a transaction-level advisory lock keyed by the user id)
 * until it commits, so that one recipient's notification ids grow in commit order: a
 * reader that has seen id n has seen every id below it, which the streams and
 * {@code Last-Event-ID} rely on;</li>
 * <li>keeps the group's count, latest member and latest actors, and the recipient's
 * unread count, up to date;</li>
 * <li>announces the change to every replica ({@link InboxChanges}), sent at commit.</li>
 * </ul>
 */
@Component
public class InboxWriter {

	private static final String OPEN_GROUP = """
			select id from notification_groups
			where recipient_id = :recipient and group_key = :key and opened_at > :openedAfter
			order by opened_at desc limit 1
			""";

	private static final String NEW_GROUP = """
			insert into notification_groups (recipient_id, type, group_key, post_id, target_post_id, opened_at,
			    latest_id, latest_at, member_count, recent_actors)
			values (:recipient, :type, :key, :post, :target, :now, 0, :now, 0, '{}')
			returning id
			""";

	private static final String ADD_TO_GROUP = """
			with added as (
			    insert into notifications (recipient_id, group_id, type, actor_id, post_id, target_post_id,
			        occurred_at, created_at)
			    values (:recipient, :group, :type, :actor, :post, :target, :occurredAt, :now)
			    returning id)
			update notification_groups g
			set latest_id = added.id, latest_at = :now, member_count = g.member_count + 1,
			    recent_actors = case when cast(:actor as bigint) is null then g.recent_actors
			        else (array[cast(:actor as bigint)] || array_remove(g.recent_actors, cast(:actor as bigint)))[1 : :actors]
			        end
			from added where g.id = :group
			returning added.id
			""";

	private static final String COUNT_UNREAD = """
			insert into inbox_state (user_id, unread) values (:user, 1)
			on conflict (user_id) do update set unread = inbox_state.unread + 1
			""";

	private static final String REFRESH_GROUP = """
			update notification_groups g
			set member_count = (select count(*) from notifications n where n.group_id = g.id),
			    latest_id = coalesce((select max(n.id) from notifications n where n.group_id = g.id), 0),
			    latest_at = coalesce((select n.created_at from notifications n where n.group_id = g.id
			        order by n.id desc limit 1), g.latest_at),
			    recent_actors = array(select n.actor_id from notifications n
			        where n.group_id = g.id and n.actor_id is not null order by n.id desc limit :actors)
			where g.id = :group
			""";

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	private final Clock clock;

	private final NotificationProperties properties;

	private final ObjectProvider<NotificationSink> sinks;

	private final MeterRegistry meters;

	private final Counter redelivered;

	InboxWriter(JdbcClient jdbc, TransactionTemplate transaction, Clock clock, NotificationProperties properties,
			ObjectProvider<NotificationSink> sinks, MeterRegistry meters) {
		this.jdbc = jdbc;
		this.transaction = transaction;
		this.clock = clock;
		this.properties = properties;
		this.sinks = sinks;
		this.meters = meters;
		this.redelivered = Counter.builder("murmur.notification.events.redelivered")
			.description("Events delivered again after they were handled, and skipped")
			.register(meters);
	}

	/**
	 * Stores the notifications an event causes, unless the event was handled before.
	 * @param eventId the event, or {@code null} for the service's own notices, which are
	 * not deduplicated
	 * @param notifications what to store, for any recipients
	 * @return the ids of the stored notifications, empty if the event was handled before
	 */
	public List<Long> record(@Nullable UUID eventId, List<NewNotification> notifications) {
		if (notifications.isEmpty()) {
			return List.of();
		}
		List<Long> ids = this.transaction.execute((status) -> {
			if (eventId != null && !firstDelivery(eventId)) {
				return List.<Long>of();
			}
			List<NewNotification> byRecipient = notifications.stream()
				.sorted(Comparator.comparingLong(NewNotification::recipientId))
				.toList();
			lock(byRecipient.stream().map(NewNotification::recipientId).toList());
			List<Long> stored = new ArrayList<>();
			for (NewNotification notification : byRecipient) {
				stored.add(store(notification));
			}
			byRecipient.stream().map(NewNotification::recipientId).distinct().forEach(this::announce);
			return stored;
		});
		if (ids != null && !ids.isEmpty()) {
			notifications.forEach((notification) -> created(notification.type()).increment());
		}
		return (ids != null) ? ids : List.of();
	}

	/**
	 * Takes back the notification an undone action caused: an unlike, an undone repost,
	 * an unfollow.
	 * @param eventId the undoing event
	 * @param undo what it undoes
	 * @return how many notifications were removed
	 */
	public int takeBack(UUID eventId, Undo undo) {
		return removeOnce(eventId, () -> List.of(undo.recipientId()), () -> this.jdbc.sql("""
				delete from notifications
				where recipient_id = :recipient and type = :type and actor_id = :actor and coalesce(post_id, 0) = :post
				returning id, recipient_id, group_id
				""")
			.param("recipient", undo.recipientId())
			.param("type", undo.type().id())
			.param("actor", undo.actorId())
			.param("post", undo.postId())
			.query(Removed.class)
			.list());
	}

	/**
	 * Takes back everything a deleted post caused: the reply, quote and mention
	 * notifications it sent, and the likes and reposts of it.
	 * @param eventId the deletion event
	 * @param postId the deleted post
	 * @return how many notifications were removed
	 */
	public int takeBackPost(UUID eventId, long postId) {
		return removeOnce(eventId,
				() -> this.jdbc.sql("select distinct recipient_id from notifications where post_id = :post")
					.param("post", postId)
					.query(Long.class)
					.list(),
				() -> this.jdbc
					.sql("delete from notifications where post_id = :post returning id, recipient_id, group_id")
					.param("post", postId)
					.query(Removed.class)
					.list());
	}

	private int removeOnce(UUID eventId, Supplier<List<Long>> recipients, Supplier<List<Removed>> removal) {
		Integer removed = this.transaction.execute((status) -> {
			if (!firstDelivery(eventId)) {
				return 0;
			}
			lock(recipients.get());
			List<Removed> rows = removal.get();
			afterRemoval(rows);
			return rows.size();
		});
		return (removed != null) ? removed : 0;
	}

	/**
	 * Moves a user's read marker forward to a notification id, never back and never past
	 * the user's latest notification, and counts what is left unread above it.
	 * @param userId the user
	 * @param upTo the id of the newest notification read
	 * @return the state after the move
	 */
	public InboxState markRead(long userId, long upTo) {
		InboxState state = this.transaction.execute((status) -> {
			lock(List.of(userId));
			long latest = InboxReader.latestId(this.jdbc, userId);
			long target = Math.min(upTo, latest);
			long current = this.jdbc.sql("select read_up_to from inbox_state where user_id = :user")
				.param("user", userId)
				.query(Long.class)
				.optional()
				.orElse(0L);
			if (target > current) {
				long unread = this.jdbc
					.sql("select count(*) from notifications where recipient_id = :user and id > :upTo")
					.param("user", userId)
					.param("upTo", target)
					.query(Long.class)
					.single();
				this.jdbc.sql("""
						insert into inbox_state (user_id, read_up_to, unread) values (:user, :upTo, :unread)
						on conflict (user_id) do update set read_up_to = excluded.read_up_to, unread = excluded.unread
						""").param("user", userId).param("upTo", target).param("unread", unread).update();
				announce(userId);
			}
			return InboxReader.state(this.jdbc, userId);
		});
		return (state != null) ? state : new InboxState(0, 0);
	}

	private boolean firstDelivery(UUID eventId) {
		boolean first = this.jdbc
			.sql("insert into processed_events (event_id, processed_at) values (:event, :now)"
					+ " on conflict (event_id) do nothing")
			.param("event", eventId)
			.param("now", Sql.timestamp(this.clock.instant()))
			.update() == 1;
		if (!first) {
			this.redelivered.increment();
		}
		return first;
	}

	private void lock(List<Long> userIds) {
		for (long userId : new TreeSet<>(userIds)) {
			this.jdbc.sql("select pg_advisory_xact_lock(:user)").param("user", userId).query((rs, row) -> row).list();
		}
	}

	private long store(NewNotification notification) {
		Instant now = this.clock.instant();
		String key = notification.groupKey();
		Long groupId = (key != null) ? this.jdbc.sql(OPEN_GROUP)
			.param("recipient", notification.recipientId())
			.param("key", key)
			.param("openedAfter", Sql.timestamp(now.minus(this.properties.groupWindow())))
			.query(Long.class)
			.optional()
			.orElse(null) : null;
		if (groupId == null) {
			groupId = this.jdbc.sql(NEW_GROUP)
				.param("recipient", notification.recipientId())
				.param("type", notification.type().id())
				.param("key", key)
				.param("post", Sql.bigint(notification.postId()))
				.param("target", Sql.bigint(notification.targetPostId()))
				.param("now", Sql.timestamp(now))
				.query(Long.class)
				.single();
		}
		long id = this.jdbc.sql(ADD_TO_GROUP)
			.param("recipient", notification.recipientId())
			.param("group", groupId)
			.param("type", notification.type().id())
			.param("actor", Sql.bigint(notification.actorId()))
			.param("post", Sql.bigint(notification.postId()))
			.param("target", Sql.bigint(notification.targetPostId()))
			.param("occurredAt", Sql.timestamp(notification.occurredAt()))
			.param("now", Sql.timestamp(now))
			.param("actors", this.properties.groupActors())
			.query(Long.class)
			.single();
		this.jdbc.sql(COUNT_UNREAD).param("user", notification.recipientId()).update();
		StoredNotification stored = new StoredNotification(id, groupId, notification);
		this.sinks.orderedStream().forEach((sink) -> sink.stored(stored));
		return id;
	}

	private void afterRemoval(List<Removed> rows) {
		Map<Long, List<Removed>> byRecipient = new TreeMap<>();
		rows.forEach((row) -> byRecipient.computeIfAbsent(row.recipientId(), (key) -> new ArrayList<>()).add(row));
		byRecipient.forEach((recipient, removed) -> {
			removed.stream().map(Removed::groupId).distinct().forEach((group) -> {
				this.jdbc.sql(REFRESH_GROUP)
					.param("group", group)
					.param("actors", this.properties.groupActors())
					.update();
				this.jdbc.sql("delete from notification_groups where id = :group and member_count = 0")
					.param("group", group)
					.update();
			});
			long readUpTo = this.jdbc.sql("select read_up_to from inbox_state where user_id = :user")
				.param("user", recipient)
				.query(Long.class)
				.optional()
				.orElse(0L);
			long unreadRemoved = removed.stream().filter((row) -> row.id() > readUpTo).count();
			if (unreadRemoved > 0) {
				this.jdbc.sql("update inbox_state set unread = greatest(unread - :removed, 0) where user_id = :user")
					.param("removed", unreadRemoved)
					.param("user", recipient)
					.update();
			}
			announce(recipient);
		});
	}

	private void announce(long userId) {
		InboxChanges.announce(this.jdbc, userId);
	}

	private Counter created(NotificationType type) {
		// Not "...created": Prometheus reads a counter's _created suffix as its creation
		// time
		// and exposes the counter without it.
		return Counter.builder("murmur.notification.stored")
			.description("Notifications stored, by type")
			.tag("type", type.id())
			.register(this.meters);
	}

	private record Removed(long id, long recipientId, long groupId) {

	}

}
