package io.murmur.user.outbox;

import java.nio.charset.StandardCharsets;

import org.springframework.jdbc.core.simple.JdbcClient;
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

	private final JdbcClient jdbc;

	Outbox(JdbcClient jdbc) {
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
		EventType type = EventType.of(event);
		this.jdbc
			.sql("insert into outbox_events (event_id, event_type, topic, message_key, payload) values (?, ?, ?, ?, ?)")
			.params(event.eventId(), type.id(), type.topic(), event.key(),
					new String(EventJson.write(event), StandardCharsets.UTF_8))
			.update();
	}

}
