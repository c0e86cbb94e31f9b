package io.murmur.support.time;

import java.time.Clock;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The clock every service reads the time from, in UTC. Code takes it as a bean rather
 * than calling {@code Clock.systemUTC()} itself, so that a test can set the time.
 */
@AutoConfiguration
public final class ClockAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	Clock clock() {
		return Clock.systemUTC();
	}

}
