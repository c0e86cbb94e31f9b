package io.murmur.notification.config;

import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Everything about notification-service that differs between environments, under
 * {@code murmur.notification} (environment {@code MURMUR_NOTIFICATION_...}).
 *
 * @param groupWindow how long a group stays open after its first notification: a like of
 * the same post, a repost of the same post or a follow within it joins the group, a later
 * one opens a new group
 * @param groupActors how many of a group's latest actors a page shows with their
 * profiles; at most 4, so that a page of 50 groups names at most 200 people, one batch of
 * user-service
 * @param retention how long read notifications are kept; unread ones are kept until read
 * @param dedupeRetention how long the ids of handled events are kept to recognise a
 * redelivery: longer than Kafka keeps events, so that a replay from any offset still on
 * the topics creates nothing twice
 * @param pruneInterval how often old notifications and event ids are pruned
 * @param stream the live streams
 * @param push the webhooks
 */
@Validated
@ConfigurationProperties("murmur.notification")
public record NotificationProperties(@DefaultValue("12h") @NotNull Duration groupWindow,
		@DefaultValue("3") @Min(1) @Max(4) int groupActors, @DefaultValue("90d") @NotNull Duration retention,
		@DefaultValue("14d") @NotNull Duration dedupeRetention, @DefaultValue("1h") @NotNull Duration pruneInterval,
		@DefaultValue @Valid @NotNull Stream stream, @DefaultValue @Valid @NotNull Push push) {

	/**
	 * The server-sent event streams.
	 *
	 * @param heartbeat how often an idle stream gets a comment, so that proxies and
	 * clients see it alive and a dead client is noticed
	 * @param threads the threads that write to the streams of this replica
	 */
	public record Stream(@DefaultValue("15s") @NotNull Duration heartbeat,
			@DefaultValue("4") @Min(1) @Max(64) int threads) {

	}

	/**
	 * The webhooks.
	 *
	 * @param coalesceWindow how long a queued delivery waits for more notifications of
	 * its group: each one that comes within it makes it wait that long again, so a burst
	 * is one delivery once it calms down
	 * @param coalesceMaxDelay how long a queued delivery waits at most, so that a group
	 * that keeps growing is still delivered every so often
	 * @param pollInterval how often a replica looks for due deliveries
	 * @param minBackoff the wait after a first failed attempt; it doubles with each
	 * failure
	 * @param maxBackoff the longest wait between attempts
	 * @param maxFailures consecutive failed attempts after which a webhook is disabled
	 * and its user told
	 * @param timeout how long one attempt may take, connecting included
	 * @param threads how many deliveries a replica sends at once
	 * @param allowedNetworks address ranges (CIDR) a webhook may point into although they
	 * are private, loopback or link-local; none by default
	 */
	public record Push(@DefaultValue("2s") @NotNull Duration coalesceWindow,
			@DefaultValue("10s") @NotNull Duration coalesceMaxDelay,
			@DefaultValue("250ms") @NotNull Duration pollInterval, @DefaultValue("1s") @NotNull Duration minBackoff,
			@DefaultValue("5m") @NotNull Duration maxBackoff, @DefaultValue("20") @Min(1) int maxFailures,
			@DefaultValue("5s") @NotNull Duration timeout, @DefaultValue("4") @Min(1) @Max(64) int threads,
			@DefaultValue List<String> allowedNetworks) {

		public Push {
			allowedNetworks = allowedNetworks.stream().map(String::strip).filter((range) -> !range.isEmpty()).toList();
		}

	}

}
