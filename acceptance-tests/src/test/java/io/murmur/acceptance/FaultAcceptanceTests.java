package io.murmur.acceptance;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import io.murmur.reliability.faults.Call;
import io.murmur.reliability.faults.CallLog;
import io.murmur.reliability.faults.CallLog.RouteStats;
import io.murmur.reliability.faults.Checker;
import io.murmur.reliability.faults.Checker.Verdict;
import io.murmur.reliability.faults.Ledger;
import io.murmur.reliability.faults.NotificationStreams;
import io.murmur.reliability.faults.PublicApi;
import io.murmur.reliability.faults.Workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The short version of the fault campaign, within the build's time: a steady mixed
 * workload through the gateway while post-service is killed as {@code kill -9} does and
 * started again. Everything the platform acknowledged must then be there exactly once:
 * posts, feed entries, search hits, likes, notifications and photos. The full schedule, a
 * fault for every service and store, is {@code benchmarks/run --only faults}.
 * <p>
 * It runs near the end, since the platform is briefly without post-service.
 */
@Order(Integer.MAX_VALUE - 2)
class FaultAcceptanceTests {

	/** The gateway's route timeout, as the platform runs it. */
	static final Duration ROUTE_TIMEOUT = Duration.ofSeconds(5);

	@Test
	void shouldLoseAndDuplicateNothingAcknowledgedWhenPostServiceIsKilledUnderLoad() {
		MurmurPlatform platform = MurmurPlatform.get();
		URI gateway = URI.create(platform.gatewayUrl());
		CallLog calls = new CallLog();
		Ledger ledger = new Ledger();
		long faultStart;
		long faultEnd;
		PublicApi api = new PublicApi(gateway, calls, Duration.ofSeconds(20));
		Verdict verdict;
		try (NotificationStreams streams = new NotificationStreams(api)) {
			try (Workload workload = new Workload(api, ledger, new Workload.Settings(20261206L, 12, 3, 8, 0.1, 3),
					streams)) {
				workload.setUp();
				workload.start();
				awaitPosts(ledger, 10, calls);
				faultStart = calls.now();
				platform.crashPostService();
				await().pollDelay(Duration.ofSeconds(8))
					.atMost(Duration.ofSeconds(30))
					.until(() -> calls.between(faultStart, calls.now())
						.stream()
						.anyMatch((call) -> call.route().equals("post") && !call.succeeded()));
				platform.restartPostService();
				faultEnd = calls.now();
				int postsBefore = ledger.posts().size();
				awaitPosts(ledger, postsBefore + 10, calls);
			}
			verdict = new Checker(new PublicApi(gateway, new CallLog(), Duration.ofSeconds(20)), ledger, streams)
				.awaitConverged(Duration.ofSeconds(60));
		}
		System.out.printf("Fault run: %d posts, %d likes, %d follows acknowledged; %s; converged in %s%n",
				ledger.posts().size(), ledger.likes().size(), ledger.follows().size(), verdict.byKind(),
				verdict.took());

		assertThat(verdict.examples()).as("lost or duplicated").isEmpty();
		assertThat(verdict.lost()).isZero();
		assertThat(verdict.duplicated()).isZero();
		assertThat(verdict.byKind().keySet()).contains("posts", "feed entries", "searchable", "likes", "notifications",
				"streamed notifications");
		assertThat(verdict.byKind().get("posts").acknowledged()).isGreaterThanOrEqualTo(20);
		assertThat(verdict.byKind().get("feed entries").acknowledged()).isPositive();
		assertThat(verdict.byKind().get("streamed notifications").acknowledged())
			.as("notifications that reached a live stream")
			.isPositive();

		List<Call> duringFault = calls.between(faultStart, faultEnd);
		Map<String, RouteStats> byRoute = CallLog.byRoute(duringFault);
		System.out.printf("While post-service was down: %s%n", byRoute);
		assertThat(byRoute.get("post").unavailable()).as("posts refused while post-service was down").isPositive();
		byRoute.forEach((route, stats) -> {
			assertThat(stats.failedCleanly()).as("%s failed with 503 problem+json only: %s", route, stats).isTrue();
			assertThat(stats.slowestError()).as("%s answered its errors within the route timeout: %s", route, stats)
				.isLessThanOrEqualTo(ROUTE_TIMEOUT.plusSeconds(2).toMillis());
		});
		assertThat(CallLog.byRoute(calls.all()).get("feed").succeeded()).isPositive();
	}

	private static void awaitPosts(Ledger ledger, int posts, CallLog calls) {
		try {
			await().atMost(Duration.ofSeconds(60)).until(() -> ledger.posts().size() >= posts);
		}
		catch (ConditionTimeoutException ex) {
			throw new AssertionError("Only " + ledger.posts().size() + " of " + posts
					+ " posts acknowledged in time; the calls so far: " + CallLog.byRoute(calls.all()), ex);
		}
	}

}
