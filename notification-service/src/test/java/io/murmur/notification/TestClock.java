package io.murmur.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The service's clock in tests: the real time, moved forward by what a test sets, so that
 * group windows and retention can be tested without waiting.
 */
public final class TestClock extends Clock {

	private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

	/**
	 * Moves the clock forward.
	 * @param by how far
	 */
	public void advance(Duration by) {
		this.offset.updateAndGet((current) -> current.plus(by));
	}

	/** Back to the real time. */
	public void reset() {
		this.offset.set(Duration.ZERO);
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		throw new UnsupportedOperationException("The test clock is in UTC");
	}

	@Override
	public Instant instant() {
		return Instant.now().plus(this.offset.get());
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Configuration {

		@Bean
		TestClock clock() {
			return new TestClock();
		}

	}

}
