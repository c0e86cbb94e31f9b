package io.murmur.support.test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * A service's clock in its tests: the system's, which a test may move forward (so that
 * windows and retention can be tested without waiting) or stop at an instant of its
 * choosing (for the time a record is dated with). Import {@link Configuration} to put it
 * in place of the shared clock bean.
 */
public final class TestClock extends Clock {

	private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

	private volatile @Nullable Instant stopped;

	/**
	 * Moves the clock forward.
	 * @param by how far
	 */
	public void advance(Duration by) {
		this.offset.updateAndGet((current) -> current.plus(by));
	}

	/**
	 * Stops the clock at an instant until {@link #reset()}.
	 * @param instant the instant every reading returns
	 */
	public void stopAt(Instant instant) {
		this.stopped = instant;
	}

	/**
	 * Makes the clock follow the system's again, neither moved nor stopped.
	 */
	public void reset() {
		this.stopped = null;
		this.offset.set(Duration.ZERO);
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		throw new UnsupportedOperationException("The services read the time in UTC");
	}

	@Override
	public Instant instant() {
		Instant instant = this.stopped;
		return (instant != null) ? instant : Instant.now().plus(this.offset.get());
	}

	/**
	 * Puts the test clock in place of the service's.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	public static class Configuration {

		@Bean
		TestClock clock() {
			return new TestClock();
		}

	}

}
