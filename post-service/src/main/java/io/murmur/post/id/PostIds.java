package io.murmur.post.id;

import java.time.Clock;
import java.time.Instant;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import io.murmur.post.config.PostProperties;

/**
 * Generates post ids: 64-bit, time-ordered, in the Snowflake layout. From the most
 * significant bit: one zero sign bit, 41 bits of milliseconds since {@link #EPOCH}
 * (enough until 2089), 10 bits of worker id and 12 bits of sequence within the
 * millisecond (4096 ids per millisecond per worker). Ids of one worker strictly increase;
 * ids of different workers are unique because their worker bits differ, and sort by time
 * to the millisecond.
 * <p>
 * <strong>Worker ids must be unique among the replicas running at the same time.</strong>
 * Each replica takes {@code murmur.post.worker-id} from its configuration: on Kubernetes
 * the service runs as a StatefulSet and the id is the pod's ordinal (derived from the pod
 * name by the container's entry point), so two live pods never share one; with a fixed
 * set of hosts it is assigned per host. Nothing checks this at run time: two replicas
 * with one worker id could mint the same id in the same millisecond.
 * <p>
 * The time comes from the injected {@link Clock}. When the clock goes back (a leap second
 * smear, an NTP step), ids keep increasing from the last time used instead of repeating
 * one; when the sequence of a millisecond is exhausted, the next millisecond is borrowed.
 */
@Component
public class PostIds {

	/**
	 * The custom epoch ids count from: 2020-01-01T00:00:00Z.
	 */
	public static final Instant EPOCH = Instant.parse("2020-01-01T00:00:00Z");

	static final int WORKER_BITS = 10;

	static final int SEQUENCE_BITS = 12;

	static final long MAX_WORKER = (1L << WORKER_BITS) - 1;

	static final long MAX_SEQUENCE = (1L << SEQUENCE_BITS) - 1;

	private static final long MAX_TIME = (1L << 41) - 1;

	private final Clock clock;

	private final long worker;

	private long lastTime = -1;

	private long sequence;

	@Autowired
	PostIds(Clock clock, PostProperties properties) {
		this(clock, properties.workerId());
	}

	PostIds(Clock clock, long worker) {
		if (worker < 0 || worker > MAX_WORKER) {
			throw new IllegalArgumentException("The worker id must be between 0 and " + MAX_WORKER);
		}
		this.clock = clock;
		this.worker = worker;
	}

	/**
	 * A new id, greater than every id this generator returned before.
	 * @return the id
	 */
	public synchronized long next() {
		long time = this.clock.millis() - EPOCH.toEpochMilli();
		if (time < 0 || time > MAX_TIME) {
			throw new IllegalStateException("The clock is outside the range of post ids: " + this.clock.instant());
		}
		if (time <= this.lastTime) {
			this.sequence = (this.sequence + 1) & MAX_SEQUENCE;
			if (this.sequence == 0) {
				this.lastTime++;
			}
		}
		else {
			this.lastTime = time;
			this.sequence = 0;
		}
		return (this.lastTime << (WORKER_BITS + SEQUENCE_BITS)) | (this.worker << SEQUENCE_BITS) | this.sequence;
	}

	/**
	 * When an id was minted, to the millisecond.
	 * @param id a post id
	 * @return its time
	 */
	public static Instant instantOf(long id) {
		return EPOCH.plusMillis(id >>> (WORKER_BITS + SEQUENCE_BITS));
	}

	/**
	 * The smallest id that can be minted at an instant: every id minted before it is
	 * smaller, every id minted at or after it is at least this.
	 * @param instant a time at or after {@link #EPOCH}
	 * @return the first id of that millisecond
	 */
	public static long firstIdAt(Instant instant) {
		long time = Math.max(0, instant.toEpochMilli() - EPOCH.toEpochMilli());
		return Math.min(time, MAX_TIME) << (WORKER_BITS + SEQUENCE_BITS);
	}

	/**
	 * The worker that minted an id.
	 * @param id a post id
	 * @return its worker id
	 */
	static long workerOf(long id) {
		return (id >>> SEQUENCE_BITS) & MAX_WORKER;
	}

}
