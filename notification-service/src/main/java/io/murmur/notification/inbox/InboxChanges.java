package io.murmur.notification.inbox;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Tells every replica that a user's notifications changed, through PostgreSQL's
 * {@code NOTIFY} on {@value #CHANNEL} with the user's id as payload. A notification is
 * sent only when its transaction commits, and after the change is visible, so a listener
 * that reads on receiving one finds what changed; identical ones within a transaction are
 * sent once.
 */
public final class InboxChanges {

	/** The channel every replica listens on. */
	public static final String CHANNEL = "murmur_inbox";

	private InboxChanges() {
	}

	static void announce(JdbcClient jdbc, long userId) {
		jdbc.sql("select pg_notify(:channel, :user)")
			.param("channel", CHANNEL)
			.param("user", Long.toString(userId))
			.query((rs, row) -> row)
			.list();
	}

}
