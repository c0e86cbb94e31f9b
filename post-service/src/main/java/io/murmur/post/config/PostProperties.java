package io.murmur.post.config;

import java.net.URI;
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
 * Everything about post-service that differs between environments, under
 * {@code murmur.post}. The defaults in {@code application.yml} suit a local run; each can
 * be overridden by an environment variable.
 *
 * @param workerId the Snowflake worker id of this replica, 0 to 1023; it must differ
 * between replicas running at the same time (see {@link io.murmur.post.id.PostIds})
 * @param cassandra the keyspace and its replication
 * @param userService where mentions are resolved
 * @param outbox how the outbox relay publishes to Kafka
 */
@Validated
@ConfigurationProperties("murmur.post")
public record PostProperties(@Min(0) @Max(1023) int workerId, @Valid @NotNull Cassandra cassandra,
		@Valid @NotNull UserService userService, @Valid @NotNull Outbox outbox) {

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
	 * user-service, asked for the user ids of mentioned handles.
	 *
	 * @param baseUrl its base URL
	 * @param timeout how long one lookup may take
	 */
	public record UserService(@NotNull URI baseUrl, @NotNull Duration timeout) {

	}

	/**
	 * The outbox relay.
	 *
	 * @param shards how many outbox partitions each time bucket is spread over; events of
	 * one key always share a shard, so they are published in order. Never lower it while
	 * rows are unpublished
	 * @param pollInterval how often the relay looks for unpublished events besides the
	 * runs a write on this replica starts: for rows another replica wrote, or a failed
	 * run left
	 * @param batchSize how many events one read of a partition returns at most
	 * @param settleTime how long after its time bucket has passed a bucket is still read
	 * before it is dropped: longer than any clock skew between replicas and any delay of
	 * a write
	 * @param leaseTime how long the relay lease lasts without renewal; another replica
	 * takes over after it lapsed
	 * @param minBackoff the pause after the first failed run
	 * @param maxBackoff the longest pause between failed runs
	 */
	public record Outbox(@Min(1) @Max(256) int shards, @NotNull Duration pollInterval, @Min(1) @Max(1000) int batchSize,
			@NotNull Duration settleTime, @NotNull Duration leaseTime, @NotNull Duration minBackoff,
			@NotNull Duration maxBackoff) {

	}

}
