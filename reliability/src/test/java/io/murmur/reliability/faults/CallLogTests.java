package io.murmur.reliability.faults;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.murmur.reliability.faults.CallLog.RouteStats;

import static org.assertj.core.api.Assertions.assertThat;

class CallLogTests {

	@Test
	void shouldTellCleanUnavailabilityFromServerErrorsAndBareErrors() {
		CallLog log = new CallLog();
		log.add(new Call("post", 0, 20, 201, false));
		log.add(new Call("post", 10, 3_000, 503, true));
		log.add(new Call("feed", 20, 40, 200, false));
		log.add(new Call("feed", 30, 100, 500, true));
		log.add(new Call("feed", 40, 15_000, Call.NO_ANSWER, false));
		log.add(new Call("feed", 50, 10, 400, false));

		Map<String, RouteStats> stats = CallLog.byRoute(log.all());

		assertThat(stats.get("post").failedCleanly()).isTrue();
		assertThat(stats.get("post").unavailable()).isEqualTo(1);
		assertThat(stats.get("post").slowestError()).isEqualTo(3_000);
		RouteStats feed = stats.get("feed");
		assertThat(feed.failedCleanly()).isFalse();
		assertThat(feed.serverErrors()).isEqualTo(1);
		assertThat(feed.malformed()).as("no answer, and a 400 without a problem body").isEqualTo(2);
		assertThat(feed.statuses()).containsEntry(Call.NO_ANSWER, 1).containsEntry(200, 1);
	}

	@Test
	void shouldTakeTheP99OfSuccessfulCallsOnlyAndSelectCallsByTheirStart() {
		CallLog log = new CallLog();
		List<Call> calls = new ArrayList<>();
		for (int i = 1; i <= 100; i++) {
			calls.add(new Call("read", i * 10L, i, 200, false));
		}
		calls.add(new Call("read", 5, 9_999, 503, true));
		calls.forEach(log::add);

		assertThat(CallLog.byRoute(log.all()).get("read").p99Succeeded()).isEqualTo(99);
		assertThat(log.between(10, 110)).hasSize(10).allMatch((call) -> call.succeeded());
	}

}
