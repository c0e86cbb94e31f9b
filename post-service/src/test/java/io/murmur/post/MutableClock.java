package io.murmur.post;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock a test sets: it runs with the system clock from where it was last set.
 */
final class MutableClock extends Clock {

	private volatile long offsetMillis;

	void set(Instant now) {
		this.offsetMillis = now.toEpochMilli() - System.currentTimeMillis();
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		throw new UnsupportedOperationException();
	}

	@Override
	public long millis() {
		return System.currentTimeMillis() + this.offsetMillis;
	}

	@Override
	public Instant instant() {
		return Instant.ofEpochMilli(millis());
	}

}
