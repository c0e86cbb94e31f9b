package io.murmur.gateway.stream;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The notification stream route, under {@code murmur.gateway.notification-stream}.
 *
 * @param maxPerUser how many streams one user may keep open at once, across every gateway
 * replica; one more is refused with 429
 * @param lease how long a stream counts against its user after its gateway last renewed
 * it: what a crashed gateway's streams keep counting
 */
@Validated
@ConfigurationProperties("murmur.gateway.notification-stream")
public record NotificationStreamProperties(@DefaultValue("5") @Positive int maxPerUser,
		@DefaultValue("60s") @NotNull Duration lease) {

}
