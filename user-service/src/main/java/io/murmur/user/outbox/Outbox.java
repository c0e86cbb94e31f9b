package io.murmur.user.outbox;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.murmur.events.EventJson;
import io.murmur.events.EventType;
import io.murmur.events.MurmurEvent;

/**
 * Records events to publish. An event is written in the transaction of the change it
 * describes, so it is stored if and only if the change is; the {@link OutboxRelay}
 * publishes it afterwards, even if Kafka was away when the change was made.
 */
@Component
public class Outbox {

	private static final String INSERT = "insert into outbox_events (event_id, event_type, topic, message_key, payload) values (?, ?, ?, ?, ?)";

	private final JdbcTemplate jdbc;

	Outbox(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Stores an event for publishing, as part of the current transaction.
	 * @param event the event
	 * @throws org.springframework.transaction.IllegalTransactionStateException if no
	 * transaction is active
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void append(MurmurEvent event) {
		appendAll(List.of(event));
	}

	/**
	 * Stores events for publishing, in this order, as part of the current transaction,
	 * with one JDBC batch.
	 * @param events the events
	 * @throws org.springframework.transaction.IllegalTransactionStateException if no
	 * transaction is active
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void appendAll(List<? extends MurmurEvent> events) {
		this.jdbc.batchUpdate(INSERT, events, events.size(), (statement, event) -> {
			EventType type = EventType.of(event);
			statement.setObject(1, event.eventId());
			statement.setString(2, type.id());
			statement.setString(3, type.topic());
			statement.setString(4, event.key());
			statement.setString(5, new String(EventJson.write(event), StandardCharsets.UTF_8));
		});
	}

}
