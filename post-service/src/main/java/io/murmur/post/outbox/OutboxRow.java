package io.murmur.post.outbox;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import com.datastax.oss.driver.api.core.uuid.Uuids;

import org.springframework.data.cassandra.core.cql.Ordering;
import org.springframework.data.cassandra.core.cql.PrimaryKeyType;
import org.springframework.data.cassandra.core.mapping.CassandraType;
import org.springframework.data.cassandra.core.mapping.Column;
import org.springframework.data.cassandra.core.mapping.PrimaryKeyColumn;
import org.springframework.data.cassandra.core.mapping.Table;

import io.murmur.support.events.outbox.OutboxRecord;

/**
 * An event waiting in the {@code outbox} table, partitioned by shard (a hash of the
 * record key, so one key's events share a partition and keep their order) and by the
 * minute of its time-based id, as the relay reads it ({@link PostOutbox} writes it).
 *
 * @param shard the shard of the record key
 * @param bucket the minute since the epoch its id was minted in
 * @param eventId a time-based id, ordering the partition's rows
 * @param eventType the logical type id, sent in the type header
 * @param topic the topic
 * @param messageKey the record key
 * @param payload the event's JSON
 */
@Table("outbox")
record OutboxRow(@PrimaryKeyColumn(ordinal = 0, type = PrimaryKeyType.PARTITIONED) int shard,
		@PrimaryKeyColumn(ordinal = 1, type = PrimaryKeyType.PARTITIONED) long bucket,
		@PrimaryKeyColumn(name = "event_id", ordinal = 2, type = PrimaryKeyType.CLUSTERED,
				ordering = Ordering.ASCENDING) @CassandraType(type = CassandraType.Name.TIMEUUID) UUID eventId,
		@Column("event_type") String eventType, String topic, @Column("message_key") String messageKey,
		ByteBuffer payload) {

	private static final long BUCKET_MILLIS = Duration.ofMinutes(1).toMillis();

	static int shard(String key, int shards) {
		return Math.floorMod(key.hashCode(), shards);
	}

	static long bucket(long epochMillis) {
		return epochMillis / BUCKET_MILLIS;
	}

	OutboxRecord record() {
		byte[] value = new byte[this.payload.remaining()];
		this.payload.duplicate().get(value);
		return new OutboxRecord(this.eventType, this.topic, this.messageKey, value,
				Instant.ofEpochMilli(Uuids.unixTimestamp(this.eventId)));
	}

}
