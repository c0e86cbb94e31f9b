package io.murmur.post.outbox;

import java.util.List;

import com.datastax.oss.driver.api.core.cql.BatchType;
import org.jspecify.annotations.Nullable;

import org.springframework.data.cassandra.core.CassandraOperations;
import org.springframework.data.cassandra.core.cql.CqlOperations;
import org.springframework.data.cassandra.core.query.Criteria;
import org.springframework.data.cassandra.core.query.Query;
import org.springframework.stereotype.Component;

import io.murmur.post.config.PostProperties;
import io.murmur.support.events.outbox.OutboxProperties;
import io.murmur.support.events.outbox.OutboxPublisher;
import io.murmur.support.events.outbox.OutboxRelay;
import io.murmur.support.events.outbox.OutboxStore;

/**
 * The relay's side of the Cassandra outbox ({@link PostOutbox}): the shared
 * {@link OutboxRelay} schedules the runs, sends and backs off; this store says what to
 * send and removes what Kafka acknowledged.
 * <p>
 * Each shard has a progress mark, the oldest minute that may still hold unpublished rows.
 * A run reads every minute from the mark up to now, hands what it finds to the publisher
 * and deletes the acknowledged rows. A minute older than the settle time is closed: once
 * it is empty its partition is dropped with one partition tombstone and the mark moves
 * past it. Reading a partition from its start on every run, rather than after the last
 * published id, means a row that lands late (written by a replica whose clock is behind)
 * is still found, as long as it lands within the settle time. A run stops at the first
 * batch not acknowledged whole and keeps it and everything after it.
 * <p>
 * One replica relays at a time, the one holding the {@link RelayLease}; the others'
 * writes do not wake their relay, since the holder's poll publishes what they store.
 */
@Component
final class CassandraOutboxStore implements OutboxStore {

	/** How many minutes back a replica without progress marks starts reading. */
	private static final long COLD_START_BUCKETS = 60;

	private final CassandraOperations cassandra;

	private final CqlOperations cql;

	private final PostProperties.Outbox properties;

	private final int batchSize;

	private final RelayLease lease;

	private long @Nullable [] progress;

	CassandraOutboxStore(CassandraOperations cassandra, PostProperties properties, OutboxProperties relay) {
		this.cassandra = cassandra;
		this.cql = cassandra.getCqlOperations();
		this.properties = properties.outbox();
		this.batchSize = relay.batchSize();
		this.lease = new RelayLease(this.cql, this.properties.leaseTime());
	}

	@Override
	public void relay(OutboxPublisher publisher) {
		if (!this.lease.hold()) {
			this.progress = null;
			return;
		}
		long[] marks = (this.progress != null) ? this.progress : loadProgress();
		this.progress = marks;
		long now = System.currentTimeMillis();
		long current = OutboxRow.bucket(now);
		long closedBefore = OutboxRow.bucket(now - this.properties.settleTime().toMillis());
		for (int shard = 0; shard < marks.length; shard++) {
			if (!relayShard(publisher, shard, marks, current, closedBefore)) {
				return;
			}
		}
	}

	@Override
	public boolean worthWaking() {
		return this.lease.isHeld();
	}

	/**
	 * Publishes one shard's open minutes and closes those past the settle time.
	 * @return whether everything read was acknowledged
	 */
	private boolean relayShard(OutboxPublisher publisher, int shard, long[] marks, long current, long closedBefore) {
		for (long bucket = marks[shard]; bucket <= current; bucket++) {
			List<OutboxRow> rows;
			do {
				rows = this.cassandra
					.select(Query.query(Criteria.where("shard").is(shard), Criteria.where("bucket").is(bucket))
						.limit(this.batchSize), OutboxRow.class);
				if (!rows.isEmpty() && !publish(publisher, rows)) {
					return false;
				}
			}
			while (rows.size() == this.batchSize);
			if (bucket < closedBefore && bucket == marks[shard]) {
				this.cql.execute("DELETE FROM outbox WHERE shard = ? AND bucket = ?", shard, bucket);
				marks[shard] = bucket + 1;
				this.cql.execute("UPDATE outbox_progress SET bucket = ? WHERE shard = ?", marks[shard], shard);
			}
		}
		return true;
	}

	/**
	 * Sends the rows and deletes those Kafka acknowledged.
	 * @return whether all of them were
	 */
	private boolean publish(OutboxPublisher publisher, List<OutboxRow> rows) {
		int acknowledged = publisher.publish(rows.stream().map(OutboxRow::record).toList());
		if (acknowledged > 0) {
			this.cassandra.batchOps(BatchType.UNLOGGED).delete(rows.subList(0, acknowledged)).execute();
		}
		return acknowledged == rows.size();
	}

	private long[] loadProgress() {
		long start = OutboxRow.bucket(System.currentTimeMillis()) - COLD_START_BUCKETS;
		long[] marks = new long[this.properties.shards()];
		for (int shard = 0; shard < marks.length; shard++) {
			List<Long> saved = this.cql.queryForList("SELECT bucket FROM outbox_progress WHERE shard = ?", Long.class,
					shard);
			marks[shard] = (!saved.isEmpty() && saved.get(0) != null) ? saved.get(0) : start;
		}
		return marks;
	}

}
