package io.murmur.notification.inbox;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads users' notifications: pages of groups or of single notifications, newest first
 * below a cursor, what came after an id for the streams, and the read state. Every read
 * is a range of an index that starts with the recipient; none counts rows.
 */
@Component
public class InboxReader {

	private static final String GROUP_COLUMNS = "id, type, post_id, target_post_id, latest_id, latest_at, member_count,"
			+ " recent_actors";

	private static final String NOTIFICATION_COLUMNS = "n.id, n.group_id, g.member_count, n.type, n.actor_id,"
			+ " n.post_id, n.target_post_id, n.occurred_at, n.created_at";

	private final JdbcClient jdbc;

	InboxReader(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * A page of a user's groups, by their newest member, newest first.
	 * @param userId the user
	 * @param types the types to list, or {@code null} for all
	 * @param before list only groups whose newest member is older than this id
	 * @param limit how many at most
	 * @return the groups
	 */
	public List<GroupRow> groups(long userId, @Nullable Set<NotificationType> types, long before, int limit) {
		if (types != null && types.isEmpty()) {
			return List.of();
		}
		JdbcClient.StatementSpec query = this.jdbc
			.sql("select " + GROUP_COLUMNS + " from notification_groups where recipient_id = :user"
					+ " and latest_id < :before" + ((types != null) ? " and type in (:types)" : "")
					+ " order by latest_id desc limit :limit")
			.param("user", userId)
			.param("before", before)
			.param("limit", limit);
		if (types != null) {
			query = query.param("types", ids(types));
		}
		return query.query(InboxReader::group).list();
	}

	/**
	 * A page of a user's single notifications, newest first.
	 * @param userId the user
	 * @param types the types to list, or {@code null} for all
	 * @param before list only notifications older than this id
	 * @param limit how many at most
	 * @return the notifications
	 */
	public List<NotificationRow> notifications(long userId, @Nullable Set<NotificationType> types, long before,
			int limit) {
		if (types != null && types.isEmpty()) {
			return List.of();
		}
		JdbcClient.StatementSpec query = this.jdbc
			.sql("select " + NOTIFICATION_COLUMNS + " from notifications n"
					+ " join notification_groups g on g.id = n.group_id where n.recipient_id = :user and n.id < :before"
					+ ((types != null) ? " and n.type in (:types)" : "") + " order by n.id desc limit :limit")
			.param("user", userId)
			.param("before", before)
			.param("limit", limit);
		if (types != null) {
			query = query.param("types", ids(types));
		}
		return query.query(InboxReader::notification).list();
	}

	/**
	 * One of a user's groups as it is now.
	 * @param userId the user
	 * @param groupId the group
	 * @return the group, or empty if it is gone (every member taken back or pruned)
	 */
	public Optional<GroupRow> group(long userId, long groupId) {
		return this.jdbc
			.sql("select " + GROUP_COLUMNS + " from notification_groups where id = :group and recipient_id = :user")
			.param("group", groupId)
			.param("user", userId)
			.query(InboxReader::group)
			.optional();
	}

	/**
	 * What a user got after a notification, oldest first: what a stream has not sent yet.
	 * @param userId the user
	 * @param after the id of the last notification sent
	 * @param limit how many at most
	 * @return the notifications
	 */
	public List<NotificationRow> after(long userId, long after, int limit) {
		return this.jdbc
			.sql("select " + NOTIFICATION_COLUMNS + " from notifications n"
					+ " join notification_groups g on g.id = n.group_id where n.recipient_id = :user and n.id > :after"
					+ " order by n.id limit :limit")
			.param("user", userId)
			.param("after", after)
			.param("limit", limit)
			.query(InboxReader::notification)
			.list();
	}

	/**
	 * A user's read marker and unread count, read from one row.
	 * @param userId the user
	 * @return the state, all zero for a user who never got a notification
	 */
	public InboxState state(long userId) {
		return state(this.jdbc, userId);
	}

	/**
	 * The id of a user's newest notification.
	 * @param userId the user
	 * @return the id, or {@code 0} if they have none
	 */
	public long latestId(long userId) {
		return latestId(this.jdbc, userId);
	}

	static long latestId(JdbcClient jdbc, long userId) {
		return jdbc.sql("select coalesce(max(id), 0) from notifications where recipient_id = :user")
			.param("user", userId)
			.query(Long.class)
			.single();
	}

	static InboxState state(JdbcClient jdbc, long userId) {
		return jdbc.sql("select read_up_to, unread from inbox_state where user_id = :user")
			.param("user", userId)
			.query((rs, row) -> new InboxState(rs.getLong("read_up_to"), rs.getLong("unread")))
			.optional()
			.orElse(new InboxState(0, 0));
	}

	private static List<String> ids(Set<NotificationType> types) {
		return types.stream().map(NotificationType::id).toList();
	}

	private static GroupRow group(ResultSet rs, int row) throws SQLException {
		return new GroupRow(rs.getLong("id"), Sql.type(rs, "type"), Sql.nullableLong(rs, "post_id"),
				Sql.nullableLong(rs, "target_post_id"), rs.getLong("latest_id"), Sql.instant(rs, "latest_at"),
				rs.getInt("member_count"), Sql.longs(rs, "recent_actors"));
	}

	private static NotificationRow notification(ResultSet rs, int row) throws SQLException {
		return new NotificationRow(rs.getLong("id"), rs.getLong("group_id"), rs.getInt("member_count"),
				Sql.type(rs, "type"), Sql.nullableLong(rs, "actor_id"), Sql.nullableLong(rs, "post_id"),
				Sql.nullableLong(rs, "target_post_id"), Sql.instant(rs, "occurred_at"), Sql.instant(rs, "created_at"));
	}

}
