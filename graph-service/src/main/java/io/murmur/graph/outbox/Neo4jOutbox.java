package io.murmur.graph.outbox;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.murmur.events.EventJson;
import io.murmur.events.EventType;
import io.murmur.events.MurmurEvent;
import io.murmur.support.events.outbox.OutboxRelay;

/**
 * Records events to publish. An event is written as an {@code :OutboxEvent} node in the
 * transaction of the change it describes, so it is stored if and only if the change is;
 * once the transaction commits, the {@link OutboxRelay} is woken to publish it, and its
 * schedule publishes it later if Kafka was away.
 * <p>
 * Each event takes the next number of one {@code :OutboxSequence} node. The node stays
 * write-locked until the transaction ends, so sequence numbers are handed out in commit
 * order and the relay, reading in sequence order, never passes an event that a running
 * transaction is about to commit. The lock is taken last to keep it short: append an
 * event at the end of its change.
 */
@Component
public class Neo4jOutbox {

	/**
	 * The name of the sequence and relay nodes of the graph's outbox.
	 */
	static final String NAME = "graph";

	private static final String APPEND = """
			MERGE (s:OutboxSequence {name: $name})
			SET s._LOCK_ = true
			WITH s
			SET s.value = coalesce(s.value, 0) + 1
			REMOVE s._LOCK_
			CREATE (:OutboxEvent {sequence: s.value, eventId: $eventId, type: $type, topic: $topic,
			  key: $key, payload: $payload, storedAt: $storedAt})
			""";

	private final Neo4jClient neo4j;

	private final ObjectProvider<OutboxRelay> relay;

	Neo4jOutbox(Neo4jClient neo4j, ObjectProvider<OutboxRelay> relay) {
		this.neo4j = neo4j;
		this.relay = relay;
	}

	/**
	 * Stores an event for publishing, as part of the current transaction.
	 * @param event the event
	 * @throws IllegalTransactionStateException if no transaction is active
	 */
	public void append(MurmurEvent event) {
		if (!TransactionSynchronizationManager.isActualTransactionActive()) {
			throw new IllegalTransactionStateException(
					"Events are stored in the transaction of their change, and no transaction is active");
		}
		EventType type = EventType.of(event);
		this.neo4j.query(APPEND)
			.bindAll(Map.of("name", NAME, "eventId", event.eventId().toString(), "type", type.id(), "topic",
					type.topic(), "key", event.key(), "payload",
					new String(EventJson.write(event), StandardCharsets.UTF_8), "storedAt",
					event.occurredAt().toEpochMilli()))
			.run();
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

			@Override
			public void afterCommit() {
				Neo4jOutbox.this.relay.ifAvailable(OutboxRelay::wake);
			}

		});
	}

}
