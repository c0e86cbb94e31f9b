package io.murmur.support.events.outbox;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the outbox relay publishes, under {@code murmur.outbox} (environment
 * {@code MURMUR_OUTBOX_...}), the same for every service.
 *
 * @param store the ready-made store to use, {@code postgres} for the
 * {@code outbox_events} table of a service on PostgreSQL; unset where the service
 * declares an {@link OutboxStore} of its own, or publishes nothing
 * @param pollInterval how often the relay looks for events besides the runs a write on
 * this replica starts: for events another replica stored, or a failed run left
 * @param batchSize how many events one read returns at most
 * @param minBackoff the pause after the first failed run
 * @param maxBackoff the longest pause between failed runs
 * @param ackTimeout how long a run waits for Kafka to acknowledge an event
 * @param wakeGap the shortest time between the starts of two runs that writes asked for:
 * under a burst of writes, a run waits for it and takes every event stored meanwhile
 */
@Validated
@ConfigurationProperties("murmur.outbox")
public record OutboxProperties(@Nullable Store store, @DefaultValue("500ms") @NotNull Duration pollInterval,
		@DefaultValue("100") @Min(1) @Max(10_000) int batchSize, @DefaultValue("1s") @NotNull Duration minBackoff,
		@DefaultValue("30s") @NotNull Duration maxBackoff, @DefaultValue("60s") @NotNull Duration ackTimeout,
		@DefaultValue("25ms") @NotNull Duration wakeGap) {

	/**
	 * The ready-made stores.
	 */
	public enum Store {

		/** The {@code outbox_events} table in the service's PostgreSQL database. */
		POSTGRES

	}

}
