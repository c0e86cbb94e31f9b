package io.murmur.graph;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The service's clock in the tests: the system's, until a test stops it at an instant of
 * its choosing, for the time a follow or an import is dated with.
 */
public final class TestClock extends Clock {

	private volatile @Nullable Instant stopped;

	/**
	 * Stops the clock at an instant until {@link #resume()}.
	 * @param instant the instant every reading returns
	 */
	public void stopAt(Instant instant) {
		this.stopped = instant;
	}

	/**
	 * Makes the clock follow the system's again.
	 */
	public void resume() {
		this.stopped = null;
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		throw new UnsupportedOperationException("The service reads the time in UTC");
	}

	@Override
	public Instant instant() {
		Instant instant = this.stopped;
		return (instant != null) ? instant : Instant.now();
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
