package io.murmur.graph.outbox;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.neo4j.driver.TransactionContext;

import org.springframework.stereotype.Component;

import io.murmur.events.EventJson;
import io.murmur.events.EventType;
import io.murmur.events.MurmurEvent;

/**
 * Records events to publish. An event is written as an {@code :OutboxEvent} node in the
 * transaction of the change it describes, so it is stored if and only if the change is;
 * the {@link OutboxRelay} publishes it afterwards, even if Kafka was away when the change
 * was made.
 * <p>
 * Each event takes the next number of one {@code :OutboxSequence} node. The node stays
 * write-locked until the transaction ends, so sequence numbers are handed out in commit
 * order and the relay, reading in sequence order, never passes an event that a running
 * transaction is about to commit. The lock is taken last to keep it short.
 */
@Component
public class Outbox {

	static final String SEQUENCE = "graph";

	/**
	 * Stores an event for publishing, as part of a transaction.
	 * @param tx the transaction of the change the event describes
	 * @param event the event
	 */
	public void append(TransactionContext tx, MurmurEvent event) {
		EventType type = EventType.of(event);
		tx.run("""
				MERGE (s:OutboxSequence {name: $name})
				SET s._LOCK_ = true
				WITH s
				SET s.value = coalesce(s.value, 0) + 1
				REMOVE s._LOCK_
				CREATE (:OutboxEvent {sequence: s.value, eventId: $eventId, type: $type, topic: $topic,
				  key: $key, payload: $payload, storedAt: $storedAt})
				""", Map.of("name", SEQUENCE, "eventId", event.eventId().toString(), "type", type.id(), "topic",
				type.topic(), "key", event.key(), "payload", new String(EventJson.write(event), StandardCharsets.UTF_8),
				"storedAt", event.occurredAt().toEpochMilli()))
			.consume();
	}

}
