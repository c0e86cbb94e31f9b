package io.murmur.post.outbox;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.UUID;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.uuid.Uuids;

import org.springframework.stereotype.Component;

import io.murmur.events.EventJson;
import io.murmur.events.EventType;
import io.murmur.events.MurmurEvent;
import io.murmur.post.config.PostProperties;

/**
 * Records events to publish. A feature adds the statement {@link #append(MurmurEvent)}
 * returns to the logged batch that writes the change the event describes, so the event is
 * stored if and only if the change is; the {@link OutboxRelay} publishes it afterwards,
 * even if Kafka was away when the change was made. Once the write is done, the feature
 * calls {@link #stored()} so that the relay publishes it at once rather than at its next
 * poll.
 * <p>
 * Rows are partitioned by shard (a hash of the record key, so one key's events share a
 * partition and keep their order) and by the minute of the row's time-based id. The
 * minute comes from the system clock, not the service's injectable clock: it is about
 * when the row was written, which the relay must be able to find.
 */
@Component
public class Outbox {

	private static final long BUCKET_MILLIS = Duration.ofMinutes(1).toMillis();

	private final PreparedStatement insert;

	private final int shards;

	private final OutboxRelay relay;

	Outbox(CqlSession session, PostProperties properties, OutboxRelay relay) {
		this.relay = relay;
		this.insert = session.prepare("INSERT INTO outbox (shard, bucket, event_id, event_type, topic, message_key,"
				+ " payload) VALUES (?, ?, ?, ?, ?, ?, ?)");
		this.shards = properties.outbox().shards();
	}

	/**
	 * The statement storing an event for publishing, to be executed with the change it
	 * describes.
	 * @param event the event
	 * @return the insert statement
	 */
	public BoundStatement append(MurmurEvent event) {
		EventType type = EventType.of(event);
		UUID id = Uuids.timeBased();
		return this.insert.bind(shard(event.key(), this.shards), bucket(Uuids.unixTimestamp(id)), id, type.id(),
				type.topic(), event.key(), ByteBuffer.wrap(EventJson.write(event)));
	}

	/**
	 * Says that rows from {@link #append} were written: the relay publishes them now
	 * instead of at its next poll, which takes a poll interval off the time from a
	 * client's acknowledgement to the event in Kafka.
	 */
	public void stored() {
		this.relay.wake();
	}

	static int shard(String key, int shards) {
		return Math.floorMod(key.hashCode(), shards);
	}

	static long bucket(long epochMillis) {
		return epochMillis / BUCKET_MILLIS;
	}

}
