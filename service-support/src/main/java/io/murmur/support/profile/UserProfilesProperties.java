package io.murmur.support.profile;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How long the profiles a page names are kept in memory.
 *
 * @param cacheTtl how long a profile is kept: a changed display name or avatar shows this
 * late; zero asks user-service every time
 * @param cacheSize the most profiles kept
 */
@Validated
@ConfigurationProperties("murmur.profiles")
public record UserProfilesProperties(@DefaultValue("30s") @NotNull Duration cacheTtl,
		@DefaultValue("100000") @Positive long cacheSize) {

}
