package io.murmur.graph.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;

import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.murmur.support.events.outbox.OutboxProperties;
import io.murmur.support.events.outbox.OutboxPublisher;
import io.murmur.support.events.outbox.OutboxRecord;
import io.murmur.support.events.outbox.OutboxStore;

/**
 * The relay's side of {@link Neo4jOutbox}: reads the {@code :OutboxEvent} nodes in
 * sequence order, a batch per transaction, and deletes those Kafka acknowledged in the
 * same transaction.
 * <p>
 * One replica relays at a time: each batch's transaction first write-locks the
 * {@code :OutboxRelay} node, and another replica's run waits for the lock and then reads
 * only what is left. Neo4j has no lock to try without waiting, so a run woken by a write
 * always goes ahead and at worst waits for the other replica's batch.
 */
@Component
class Neo4jOutboxStore implements OutboxStore {

	private static final String LOCK = "MERGE (r:OutboxRelay {name: $name}) SET r._LOCK_ = true REMOVE r._LOCK_";

	private static final String BATCH = """
			MATCH (e:OutboxEvent)
			RETURN e.sequence AS sequence, e.type AS type, e.topic AS topic, e.key AS key, e.payload AS payload,
			       e.storedAt AS storedAt
			ORDER BY e.sequence
			LIMIT $limit
			""";

	private static final String DELETE = "MATCH (e:OutboxEvent) WHERE e.sequence IN $sequences DELETE e";

	/**
	 * A batch's transaction outlives the wait for Kafka's acknowledgements by this much:
	 * long enough to read and delete, short enough that a relay that hung releases the
	 * lock.
	 */
	private static final int MARGIN_SECONDS = 60;

	private final Neo4jClient neo4j;

	private final TransactionTemplate transaction;

	private final int batchSize;

	Neo4jOutboxStore(Neo4jClient neo4j, PlatformTransactionManager transactionManager, OutboxProperties properties) {
		this.neo4j = neo4j;
		this.transaction = new TransactionTemplate(transactionManager);
		this.transaction.setTimeout((int) properties.ackTimeout().toSeconds() + MARGIN_SECONDS);
		this.batchSize = properties.batchSize();
	}

	@Override
	public void relay(OutboxPublisher publisher) {
		while (Boolean.TRUE.equals(this.transaction.execute((status) -> publishBatch(publisher)))) {
			// each batch in a transaction of its own, until one is short or fails
		}
	}

	/**
	 * Publishes the oldest batch.
	 * @return whether a full batch went out whole, so more may wait
	 */
	private boolean publishBatch(OutboxPublisher publisher) {
		this.neo4j.query(LOCK).bind(Neo4jOutbox.NAME).to("name").run();
		List<Row> rows = List.copyOf(this.neo4j.query(BATCH)
			.bind(this.batchSize)
			.to("limit")
			.fetchAs(Row.class)
			.mappedBy((types, row) -> new Row(row.get("sequence").asLong(),
					new OutboxRecord(row.get("type").asString(), row.get("topic").asString(), row.get("key").asString(),
							row.get("payload").asString().getBytes(StandardCharsets.UTF_8),
							row.get("storedAt").isNull() ? null : Instant.ofEpochMilli(row.get("storedAt").asLong()))))
			.all());
		if (rows.isEmpty()) {
			return false;
		}
		int acknowledged = publisher.publish(rows.stream().map(Row::record).toList());
		if (acknowledged > 0) {
			List<Long> sequences = rows.subList(0, acknowledged).stream().map(Row::sequence).toList();
			this.neo4j.query(DELETE).bind(sequences).to("sequences").run();
		}
		return acknowledged == rows.size() && rows.size() == this.batchSize;
	}

	/**
	 * Neo4j keeps the number of nodes of each label, so counting the events costs no read
	 * of them.
	 */
	@Override
	public OptionalLong backlog() {
		return this.neo4j.query("MATCH (e:OutboxEvent) RETURN count(e) AS n")
			.fetchAs(Long.class)
			.one()
			.map(OptionalLong::of)
			.orElseGet(OptionalLong::empty);
	}

	private record Row(long sequence, OutboxRecord record) {

	}

}
