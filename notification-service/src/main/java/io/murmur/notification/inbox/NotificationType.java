package io.murmur.notification.inbox;

import java.sql.Array;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The kinds of notification, by the id the API and the database name them with.
 */
public enum NotificationType {

	/** Someone followed the user; follows of one user are grouped. */
	FOLLOW("follow", true),

	/** Someone liked the user's post; likes of one post are grouped. */
	LIKE("like", true),

	/** Someone reposted the user's post; reposts of one post are grouped. */
	REPOST("repost", true),

	/** Someone replied to the user's post. */
	REPLY("reply", false),

	/** Someone mentioned the user in a post. */
	MENTION("mention", false),

	/** Someone quoted the user's post. */
	QUOTE("quote", false),

	/**
	 * The user's webhook failed too often in a row and was disabled; sent by the service,
	 * never pushed, never turned off by preferences.
	 */
	PUSH_DISABLED("push_disabled", false);

	private final String id;

	private final boolean grouped;

	NotificationType(String id, boolean grouped) {
		this.id = id;
		this.grouped = grouped;
	}

	/**
	 * The id in the API and the database.
	 * @return e.g. {@code like}
	 */
	public String id() {
		return this.id;
	}

	/**
	 * Whether notifications of this type for one target are grouped.
	 * @return whether they are
	 */
	public boolean isGrouped() {
		return this.grouped;
	}

	/**
	 * Whether a person's action causes this type, so that preferences and webhook filters
	 * can name it.
	 * @return {@code false} for the service's own notices
	 */
	public boolean isCausedByPeople() {
		return this != PUSH_DISABLED;
	}

	/**
	 * The type with an id.
	 * @param id the id, such as {@code like}
	 * @return the type, or empty if there is none
	 */
	public static Optional<NotificationType> forId(String id) {
		String wanted = id.strip().toLowerCase(Locale.ROOT);
		return Arrays.stream(values()).filter((type) -> type.id.equals(wanted)).findFirst();
	}

	/**
	 * The types people's actions cause.
	 * @return them, in declaration order
	 */
	public static List<NotificationType> causedByPeople() {
		return Arrays.stream(values()).filter(NotificationType::isCausedByPeople).toList();
	}

	/**
	 * Types as a PostgreSQL array literal, for a {@code varchar[]} column.
	 * @param types the types
	 * @return e.g. <code>{like,follow}</code>
	 */
	public static String toSqlArray(Collection<NotificationType> types) {
		return "{" + String.join(",", types.stream().map(NotificationType::id).toList()) + "}";
	}

	/**
	 * Types from a {@code varchar[]} column; ids no longer known are left out.
	 * @param array the column's value
	 * @return the types
	 * @throws SQLException if the array cannot be read
	 */
	public static Set<NotificationType> fromSqlArray(Array array) throws SQLException {
		Set<NotificationType> types = EnumSet.noneOf(NotificationType.class);
		for (Object id : (Object[]) array.getArray()) {
			forId((String) id).ifPresent(types::add);
		}
		return types;
	}

	/**
	 * The ids of all types, for messages.
	 * @return e.g. {@code follow, like, ...}
	 */
	public static String allIds() {
		return String.join(", ", Arrays.stream(values()).map(NotificationType::id).toList());
	}

}
