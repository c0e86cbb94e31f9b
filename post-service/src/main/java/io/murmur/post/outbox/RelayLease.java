package io.murmur.post.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.springframework.data.cassandra.core.cql.CqlOperations;

/**
 * The right to relay the outbox, held by one replica at a time: a row of
 * {@code outbox_lease} written with a lightweight transaction and a TTL, renewed while
 * the replica relays (once a third of the lease time has passed, so a run costs no round
 * trip most of the time). Another replica takes over once the lease lapsed.
 */
final class RelayLease {

	private static final String NAME = "relay";

	private final CqlOperations cql;

	private final Duration leaseTime;

	private final String owner = UUID.randomUUID().toString();

	private volatile Instant renewedAt = Instant.MIN;

	RelayLease(CqlOperations cql, Duration leaseTime) {
		this.cql = cql;
		this.leaseTime = leaseTime;
	}

	/**
	 * Renews the lease, or takes it if it is free.
	 * @return whether this replica holds it
	 */
	boolean hold() {
		Instant now = Instant.now();
		if (now.isBefore(this.renewedAt.plus(this.leaseTime.dividedBy(3)))) {
			return true;
		}
		int ttl = (int) Math.max(1, this.leaseTime.toSeconds());
		boolean held = this.cql.execute("UPDATE outbox_lease USING TTL ? SET owner = ? WHERE name = ? IF owner = ?",
				ttl, this.owner, NAME, this.owner)
				|| this.cql.execute("INSERT INTO outbox_lease (name, owner) VALUES (?, ?) IF NOT EXISTS USING TTL ?",
						NAME, this.owner, ttl);
		this.renewedAt = held ? now : Instant.MIN;
		return held;
	}

	/**
	 * Whether this replica held the lease at its last attempt, without a round trip.
	 * @return whether it is held
	 */
	boolean isHeld() {
		return !this.renewedAt.equals(Instant.MIN);
	}

}
