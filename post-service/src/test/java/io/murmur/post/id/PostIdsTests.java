package io.murmur.post.id;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PostIdsTests {

	@Test
	void shouldMintUniqueIncreasingIdsUnderConcurrency() throws Exception {
		PostIds ids = new PostIds(Clock.systemUTC(), 3);
		int threads = 8;
		int perThread = 20_000;
		ConcurrentLinkedQueue<Long> all = new ConcurrentLinkedQueue<>();
		try (ExecutorService executor = Executors.newFixedThreadPool(threads)) {
			List<Future<Boolean>> increasing = new ArrayList<>();
			for (int t = 0; t < threads; t++) {
				increasing.add(executor.submit(() -> {
					long previous = 0;
					boolean ok = true;
					for (int i = 0; i < perThread; i++) {
						long id = ids.next();
						ok &= id > previous;
						previous = id;
						all.add(id);
					}
					return ok;
				}));
			}
			for (Future<Boolean> result : increasing) {
				assertThat(result.get()).isTrue();
			}
		}
		Set<Long> unique = new HashSet<>(all);
		assertThat(unique).hasSize(threads * perThread);
		assertThat(all).allMatch((id) -> id > 0 && PostIds.workerOf(id) == 3);
	}

	@Test
	void shouldEncodeTimeWorkerAndSequence() {
		Instant now = Instant.parse("2026-03-04T05:06:07.089Z");
		PostIds ids = new PostIds(Clock.fixed(now, ZoneOffset.UTC), 1023);
		long first = ids.next();
		long second = ids.next();
		assertThat(PostIds.instantOf(first)).isEqualTo(now);
		assertThat(PostIds.workerOf(first)).isEqualTo(1023);
		assertThat(second - first).isEqualTo(1);
		assertThat(first >>> 22).isEqualTo(now.toEpochMilli() - PostIds.EPOCH.toEpochMilli());
	}

	@Test
	void shouldKeepIncreasingWhenTheClockGoesBack() {
		MovableClock clock = new MovableClock(Instant.parse("2026-03-04T05:06:07Z"));
		PostIds ids = new PostIds(clock, 1);
		long before = ids.next();
		clock.now = clock.now.minusSeconds(5);
		assertThat(ids.next()).isGreaterThan(before);
	}

	@Test
	void shouldBorrowTheNextMillisecondWhenTheSequenceIsExhausted() {
		PostIds ids = new PostIds(Clock.fixed(Instant.parse("2026-03-04T05:06:07Z"), ZoneOffset.UTC), 1);
		long previous = 0;
		for (int i = 0; i < 10_000; i++) {
			long id = ids.next();
			assertThat(id).isGreaterThan(previous);
			previous = id;
		}
	}

	@Test
	void shouldRefuseWorkerIdsOutsideTenBits() {
		assertThatIllegalArgumentException().isThrownBy(() -> new PostIds(Clock.systemUTC(), 1024));
		assertThatIllegalArgumentException().isThrownBy(() -> new PostIds(Clock.systemUTC(), -1));
	}

	static final class MovableClock extends Clock {

		Instant now;

		MovableClock(Instant now) {
			this.now = now;
		}

		@Override
		public java.time.ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}
