package io.murmur.support.events.outbox;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.murmur.events.EventJson;
import io.murmur.events.EventType;
import io.murmur.events.MurmurEvent;

/**
 * Stores events for publishing in the {@code outbox_events} table of a service on
 * PostgreSQL, in the transaction of the change they describe: an event is stored if and
 * only if its change is. Once the transaction commits, the {@link OutboxRelay} is woken
 * to publish at once.
 * <p>
 * The service's own migration creates the table:
 *
 * <pre class="code">
 * create table outbox_events (
 *     id          bigint generated always as identity primary key,
 *     event_id    uuid         not null,
 *     event_type  varchar(100) not null,
 *     topic       varchar(249) not null,
 *     message_key varchar(100) not null,
 *     payload     text         not null,
 *     created_at  timestamptz  not null default now()
 * );
 * </pre>
 */
public final class PostgresOutbox {

	/**
	 * The PostgreSQL advisory lock the relay holds while it publishes ("murmur" and 1 for
	 * the outbox): one replica relays at a time, and an operator who takes it pauses the
	 * relay without losing anything.
	 */
	public static final long RELAY_LOCK = 0x6d75726d75720001L;

	private static final String INSERT = "insert into outbox_events (event_id, event_type, topic, message_key, payload)"
			+ " values (?, ?, ?, ?, ?)";

	private final JdbcTemplate jdbc;

	private final Runnable wakeRelay;

	PostgresOutbox(JdbcTemplate jdbc, Runnable wakeRelay) {
		this.jdbc = jdbc;
		this.wakeRelay = wakeRelay;
	}

	/**
	 * Stores an event for publishing, as part of the current transaction.
	 * @param event the event
	 * @throws IllegalTransactionStateException if no transaction is active
	 */
	public void append(MurmurEvent event) {
		appendAll(List.of(event));
	}

	/**
	 * Stores events for publishing, in this order, as part of the current transaction,
	 * with one JDBC batch.
	 * @param events the events
	 * @throws IllegalTransactionStateException if no transaction is active
	 */
	public void appendAll(List<? extends MurmurEvent> events) {
		if (!TransactionSynchronizationManager.isActualTransactionActive()) {
			throw new IllegalTransactionStateException(
					"Events are stored in the transaction of their change, and no transaction is active");
		}
		this.jdbc.batchUpdate(INSERT, events, events.size(), (statement, event) -> {
			EventType type = EventType.of(event);
			statement.setObject(1, event.eventId());
			statement.setString(2, type.id());
			statement.setString(3, type.topic());
			statement.setString(4, event.key());
			statement.setString(5, new String(EventJson.write(event), StandardCharsets.UTF_8));
		});
		wakeAfterCommit();
	}

	private void wakeAfterCommit() {
		if (TransactionSynchronizationManager.hasResource(this)) {
			return;
		}
		TransactionSynchronizationManager.bindResource(this, Boolean.TRUE);
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

			@Override
			public void afterCompletion(int status) {
				TransactionSynchronizationManager.unbindResourceIfPossible(PostgresOutbox.this);
				if (status == STATUS_COMMITTED) {
					PostgresOutbox.this.wakeRelay.run();
				}
			}

		});
	}

}
