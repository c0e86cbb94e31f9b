package io.murmur.post.outbox;

import java.nio.ByteBuffer;
import java.util.UUID;

import com.datastax.oss.driver.api.core.uuid.Uuids;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import io.murmur.events.EventJson;
import io.murmur.events.EventType;
import io.murmur.events.MurmurEvent;
import io.murmur.post.config.PostProperties;
import io.murmur.support.events.outbox.OutboxRelay;

/**
 * Records events to publish. A feature adds the row {@link #append(MurmurEvent)} returns
 * to the logged batch that writes the change the event describes, so the event is stored
 * if and only if the change is; the shared {@link OutboxRelay} publishes it afterwards
 * through {@link CassandraOutboxStore}, even if Kafka was away when the change was made.
 * Once the write is done, the feature calls {@link #stored()} so that the relay publishes
 * it at once rather than at its next poll.
 * <p>
 * A row's minute comes from the system clock, not the service's injectable clock: it is
 * about when the row was written, which the relay must be able to find, whatever time a
 * post claims.
 */
@Component
public class PostOutbox {

	private final int shards;

	private final ObjectProvider<OutboxRelay> relay;

	PostOutbox(PostProperties properties, ObjectProvider<OutboxRelay> relay) {
		this.shards = properties.outbox().shards();
		this.relay = relay;
	}

	/**
	 * The row storing an event for publishing, to be written with the change it
	 * describes.
	 * @param event the event
	 * @return the row
	 */
	public OutboxRow append(MurmurEvent event) {
		EventType type = EventType.of(event);
		UUID id = Uuids.timeBased();
		return new OutboxRow(OutboxRow.shard(event.key(), this.shards), OutboxRow.bucket(Uuids.unixTimestamp(id)), id,
				type.id(), type.topic(), event.key(), ByteBuffer.wrap(EventJson.write(event)));
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
