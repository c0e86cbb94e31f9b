package io.murmur.notification.preference;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.murmur.notification.inbox.NotificationType;

/**
 * Users' preferences, one row each in PostgreSQL; a user without a row has
 * {@link Preference#DEFAULT}.
 */
@Component
public class Preferences {

	private final JdbcClient jdbc;

	private final Clock clock;

	Preferences(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * A user's preferences.
	 * @param userId the user
	 * @return what they set, or the default
	 */
	public Preference of(long userId) {
		return this.jdbc.sql("select types, from_not_followed from notification_preferences where user_id = :user")
			.param("user", userId)
			.query((rs, row) -> new Preference(NotificationType.fromSqlArray(rs.getArray("types")),
					rs.getBoolean("from_not_followed")))
			.optional()
			.orElse(Preference.DEFAULT);
	}

	Preference save(long userId, Preference preference) {
		this.jdbc.sql("""
				insert into notification_preferences (user_id, types, from_not_followed, updated_at)
				values (:user, cast(:types as varchar[]), :fromNotFollowed, :now)
				on conflict (user_id) do update set types = excluded.types,
				    from_not_followed = excluded.from_not_followed, updated_at = excluded.updated_at
				""")
			.param("user", userId)
			.param("types", NotificationType.toSqlArray(preference.types()))
			.param("fromNotFollowed", preference.fromNotFollowed())
			.param("now", OffsetDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC))
			.update();
		return preference;
	}

}
