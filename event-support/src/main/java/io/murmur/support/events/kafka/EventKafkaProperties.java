package io.murmur.support.events.kafka;

import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The topics a service uses and how its listeners retry, under {@code murmur.kafka}
 * (environment {@code MURMUR_KAFKA_...}).
 *
 * @param publishes the topics the service publishes to; it creates them if missing
 * @param consumes the topics its listeners read; it creates them if missing, and a
 * dead-letter topic for each, {@code <topic>.<group>.dlt}
 * @param partitions the partitions of the topics it creates; Kafka adds partitions to an
 * existing topic but never removes any, and adding some moves keys to other partitions,
 * so raise it only while no event is in flight
 * @param replicas the replication factor of the topics it creates
 * @param retry how a listener retries a record it failed on
 */
@Validated
@ConfigurationProperties("murmur.kafka")
public record EventKafkaProperties(@DefaultValue List<String> publishes, @DefaultValue List<String> consumes,
		@DefaultValue("3") @Min(1) @Max(1000) int partitions, @DefaultValue("1") @Min(1) @Max(7) short replicas,
		@DefaultValue @NotNull Retry retry) {

	/**
	 * How a listener retries a record it failed on. A failure that may pass by itself (a
	 * store or service out of reach, see {@link ConsumerFailures}) is retried with
	 * exponential back-off for as long as it lasts, holding the partition, so nothing is
	 * lost and later events keep their order. Any other failure is retried
	 * {@code retries} times, then the record goes to the group's dead-letter topic and
	 * the partition moves on; a record that cannot be read, or that the listener refuses
	 * as wrong, goes there at once.
	 *
	 * @param initialInterval the first pause
	 * @param maxInterval the longest pause
	 * @param retries how many times a failure that will not pass is retried
	 */
	public record Retry(@DefaultValue("200ms") @NotNull Duration initialInterval,
			@DefaultValue("15s") @NotNull Duration maxInterval, @DefaultValue("3") @Min(0) @Max(100) int retries) {

	}

}
