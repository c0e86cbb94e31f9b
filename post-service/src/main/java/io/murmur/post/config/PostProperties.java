package io.murmur.post.config;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * What is post-service's own to configure, under {@code murmur.post}; the defaults in
 * {@code application.yml} suit a local run and each can be overridden by a
 * {@code MURMUR_POST_...} environment variable. How the outbox relay publishes (poll
 * interval, batch size, back-off) is shared by every service, under
 * {@code murmur.outbox}; where user-service is, under {@code murmur.services}.
 *
 * @param workerId the Snowflake worker id of this replica, 0 to 1023; it must differ
 * between replicas running at the same time (see {@link io.murmur.post.id.PostIds})
 * @param cassandra the keyspace and its replication
 * @param outbox how the events wait in Cassandra for the relay
 */
@Validated
@ConfigurationProperties("murmur.post")
public record PostProperties(@Min(0) @Max(1023) int workerId, @Valid @NotNull Cassandra cassandra,
		@Valid @NotNull Outbox outbox) {

	/**
	 * The keyspace, created at start-up if it does not exist.
	 *
	 * @param keyspace the keyspace name
	 * @param replicationFactor the {@code SimpleStrategy} replication factor used when
	 * creating it; production keyspaces are created by operators with
	 * {@code NetworkTopologyStrategy} beforehand, and an existing keyspace is left as it
	 * is
	 */
	public record Cassandra(@NotBlank @Pattern(regexp = "[a-z][a-z0-9_]{0,47}") String keyspace,
			@Min(1) int replicationFactor) {

	}

	/**
	 * The Cassandra outbox: how its rows are laid out and who relays them.
	 *
	 * @param shards how many outbox partitions each minute is spread over; events of one
	 * key always share a shard, so they are published in order. Never lower it while rows
	 * are unpublished
	 * @param settleTime how long after its minute has passed a partition is still read
	 * before it is dropped: longer than any clock skew between replicas and any delay of
	 * a write
	 * @param leaseTime how long the relay lease lasts without renewal; another replica
	 * takes over after it lapsed
	 */
	public record Outbox(@Min(1) @Max(256) int shards, @NotNull Duration settleTime, @NotNull Duration leaseTime) {

	}

}
