package io.murmur.support.events.outbox;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The relay's side of {@link PostgresOutbox}: reads {@code outbox_events} in id order and
 * deletes what Kafka acknowledged, one transaction per batch.
 * <p>
 * One replica relays at a time: each batch's transaction takes a PostgreSQL advisory
 * lock, and a replica that does not get it skips its turn. Ids grow with the order of
 * insertion, and a transaction that inserted an event and has not committed yet holds no
 * lock the relay waits for; such an event can be published after one with a higher id,
 * never lost. Events of one key come from one aggregate's transactions, which commit in
 * order, so they keep their order.
 */
final class PostgresOutboxStore implements OutboxStore {

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	private final int batchSize;

	PostgresOutboxStore(JdbcClient jdbc, TransactionTemplate transaction, OutboxProperties properties) {
		this.jdbc = jdbc;
		this.transaction = transaction;
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
		boolean locked = Boolean.TRUE.equals(this.jdbc.sql("select pg_try_advisory_xact_lock(?)")
			.param(PostgresOutbox.RELAY_LOCK)
			.query(Boolean.class)
			.single());
		if (!locked) {
			return false;
		}
		List<Row> rows = this.jdbc.sql(
				"select id, event_type, topic, message_key, payload, created_at from outbox_events order by id limit ?")
			.param(this.batchSize)
			.query((rs, number) -> new Row(rs.getLong("id"),
					new OutboxRecord(rs.getString("event_type"), rs.getString("topic"), rs.getString("message_key"),
							rs.getString("payload").getBytes(StandardCharsets.UTF_8),
							timestamp(rs.getTimestamp("created_at")))))
			.list();
		if (rows.isEmpty()) {
			return false;
		}
		int acknowledged = publisher.publish(rows.stream().map(Row::record).toList());
		if (acknowledged > 0) {
			List<Long> ids = rows.subList(0, acknowledged).stream().map(Row::id).toList();
			this.jdbc.sql("delete from outbox_events where id in (:ids)").param("ids", ids).update();
		}
		return acknowledged == rows.size() && rows.size() == this.batchSize;
	}

	@Override
	public OptionalLong backlog() {
		Long count = this.jdbc.sql("select count(*) from outbox_events").query(Long.class).single();
		return (count != null) ? OptionalLong.of(count) : OptionalLong.empty();
	}

	private static @Nullable Instant timestamp(@Nullable Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	private record Row(long id, OutboxRecord record) {

	}

}
