package io.murmur.graph.config;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Everything about graph-service that differs between environments, under
 * {@code murmur.graph}. The defaults in {@code application.yml} suit a local run; each
 * can be overridden by an environment variable.
 *
 * @param userService where user-service is, for users the graph has not heard of yet
 * @param outbox how the outbox relay publishes to Kafka
 * @param kafka the topics the service creates
 */
@Validated
@ConfigurationProperties("murmur.graph")
public record GraphProperties(@Valid @NotNull UserService userService, @Valid @NotNull Outbox outbox,
		@Valid @NotNull Kafka kafka) {

	/**
	 * user-service, asked about a followee the graph has no node for yet (its
	 * {@code UserRegistered} event has not been consumed).
	 *
	 * @param baseUrl the service's base URL
	 * @param connectTimeout how long to wait for a connection
	 * @param readTimeout how long to wait for the answer
	 */
	public record UserService(@NotNull URI baseUrl, @NotNull Duration connectTimeout, @NotNull Duration readTimeout) {

	}

	/**
	 * The outbox relay.
	 *
	 * @param pollInterval how often the relay looks for unpublished events
	 * @param batchSize how many events one run publishes at most
	 * @param minBackoff the pause after the first failed run
	 * @param maxBackoff the longest pause between failed runs
	 */
	public record Outbox(@NotNull Duration pollInterval, @Min(1) @Max(1000) int batchSize, @NotNull Duration minBackoff,
			@NotNull Duration maxBackoff) {

	}

	/**
	 * The topics the service creates when they do not exist: the graph topic it publishes
	 * to and the dead-letter topic of its consumer group.
	 *
	 * @param partitions partitions of each topic
	 * @param replicas replicas of each partition
	 */
	public record Kafka(@Min(1) int partitions, @Min(1) @Max(Short.MAX_VALUE) int replicas) {

	}

}
