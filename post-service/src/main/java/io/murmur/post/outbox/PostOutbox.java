package io.murmur.post.outbox;

import java.nio.ByteBuffer;
import java.util.UUID;

import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.uuid.Uuids;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.cassandra.core.cql.CqlOperations;
import org.springframework.data.cassandra.core.cql.SessionCallback;
import org.springframework.stereotype.Component;

import io.murmur.events.EventJson;
import io.murmur.events.EventType;
import io.murmur.events.MurmurEvent;
import io.murmur.post.config.PostProperties;
import io.murmur.support.events.outbox.OutboxRelay;

/**
 * Records events to publish. A feature adds the statement {@link #append(MurmurEvent)}
 * returns to the logged batch that writes the change the event describes, so the event is
 * stored if and only if the change is; the shared {@link OutboxRelay} publishes it
 * afterwards through {@link CassandraOutboxStore}, even if Kafka was away when the change
 * was made. Once the write is done, the feature calls {@link #stored()} so that the relay
 * publishes it at once rather than at its next poll.
 * <p>
 * A row's minute comes from the system clock, not the service's injectable clock: it is
 * about when the row was written, which the relay must be able to find, whatever time a
 * post claims.
 */
@Component
public class PostOutbox {

	private final int shards;

	private final ObjectProvider<OutboxRelay> relay;

	private final PreparedStatement insert;

	PostOutbox(PostProperties properties, ObjectProvider<OutboxRelay> relay, CqlOperations cql) {
		this.shards = properties.outbox().shards();
		this.relay = relay;
		this.insert = cql.execute((SessionCallback<PreparedStatement>) (session) -> session
			.prepare("INSERT INTO outbox (shard, bucket, event_id, event_type, topic, message_key, payload)"
					+ " VALUES (?, ?, ?, ?, ?, ?, ?)"));
	}

	/**
	 * The statement storing an event for publishing, to be executed with the change it
	 * describes, in the same logged batch: a prepared statement, as the batches of the
	 * changes are (see {@link io.murmur.post.post.PostRepository#insert}).
	 * @param event the event
	 * @return the insert statement
	 */
	public BoundStatement append(MurmurEvent event) {
		EventType type = EventType.of(event);
		UUID id = Uuids.timeBased();
		return this.insert.bind(OutboxRow.shard(event.key(), this.shards), OutboxRow.bucket(Uuids.unixTimestamp(id)),
				id, type.id(), type.topic(), event.key(), ByteBuffer.wrap(EventJson.write(event)));
	}

	/**
	 * Says that rows from {@link #append} were written: the relay publishes them now
	 * instead of at its next poll, which takes a poll interval off the time from a
	 * client's acknowledgement to the event in Kafka.
	 */
	public void stored() {
		this.relay.ifAvailable(OutboxRelay::wake);
	}

}
