package io.murmur.notification.stream;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import io.murmur.notification.inbox.InboxChanges;
import io.murmur.support.web.UserIds;

/**
 * Hears which users' notifications changed on any replica: one connection of its own per
 * replica, outside the pool, that {@code LISTEN}s on {@value InboxChanges#CHANNEL}, and
 * wakes the streams of the named users.
 * <p>
 * PostgreSQL delivers a {@code NOTIFY} only when the transaction that sent it commits, so
 * a stream reads the change it is woken for. Announcements made while this connection is
 * down are lost; after reconnecting it wakes every stream, and each reads whatever came
 * after the last notification it sent, so no notification is lost, only delayed.
 */
@Component
class InboxListener implements SmartLifecycle {

	private static final Log log = LogFactory.getLog(InboxListener.class);

	private static final Duration WAIT = Duration.ofMillis(500);

	private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);

	private final JdbcConnectionDetails database;

	private final Streams streams;

	private volatile boolean running;

	private volatile @Nullable Thread thread;

	InboxListener(JdbcConnectionDetails database, Streams streams) {
		this.database = database;
		this.streams = streams;
	}

	@Override
	public void start() {
		this.running = true;
		Thread listening = new Thread(this::listen, "inbox-listener");
		listening.setDaemon(true);
		this.thread = listening;
		listening.start();
	}

	@Override
	public void stop() {
		this.running = false;
		Thread listening = this.thread;
		if (listening != null) {
			listening.interrupt();
			try {
				listening.join(TimeUnit.SECONDS.toMillis(5));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	private void listen() {
		Duration backoff = Duration.ofMillis(100);
		while (this.running) {
			try (Connection connection = DriverManager.getConnection(this.database.getJdbcUrl(),
					this.database.getUsername(), this.database.getPassword())) {
				try (Statement statement = connection.createStatement()) {
					statement.execute("LISTEN " + InboxChanges.CHANNEL);
				}
				backoff = Duration.ofMillis(100);
				this.streams.wakeAll();
				PGConnection notifications = connection.unwrap(PGConnection.class);
				while (this.running) {
					PGNotification[] received = notifications.getNotifications((int) WAIT.toMillis());
					if (received != null) {
						for (PGNotification notification : received) {
							UserIds.parse(notification.getParameter()).ifPresent(this.streams::wake);
						}
					}
				}
			}
			catch (SQLException ex) {
				if (this.running) {
					log.warn("Not listening for notification changes (" + ex.getMessage() + "); reconnecting in "
							+ backoff.toMillis() + " ms");
					LockSupport.parkNanos(backoff.toNanos());
					backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF
							: backoff.multipliedBy(2);
				}
			}
		}
	}

}
