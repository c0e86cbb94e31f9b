package io.murmur.reliability.faults;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import io.murmur.reliability.faults.Checker.Verdict;
import io.murmur.reliability.faults.PublicApi.Account;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link Checker} against a stand-in gateway that serves one acknowledged post (its
 * author's timeline, its look-up and its search) with the statuses and timeline a test
 * gives it, to tell what it reports from what the platform answered.
 */
class CheckerTests {

	static final Account AUTHOR = new Account("7", "someone", "token");

	final Queue<Integer> timelineStatuses = new ConcurrentLinkedQueue<>();

	/** What the author's timeline lists, by post id. */
	volatile String timeline = "\"p1\"";

	final Queue<Integer> postStatuses = new ConcurrentLinkedQueue<>();

	final Queue<Integer> searchStatuses = new ConcurrentLinkedQueue<>();

	final AtomicInteger postLookUps = new AtomicInteger();

	final AtomicInteger searches = new AtomicInteger();

	final Ledger ledger = new Ledger();

	HttpServer gateway;

	@BeforeEach
	void startGateway() throws IOException {
		this.ledger.post(new Ledger.Post("p1", AUTHOR, "rlwordabcdef", null, null, null, 0));
		this.gateway = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.gateway.createContext("/api/v1/users/7/posts",
				(exchange) -> answer(exchange, next(this.timelineStatuses),
						"{\"items\":[" + java.util.Arrays.stream(this.timeline.split(","))
							.filter((id) -> !id.isEmpty())
							.map((id) -> "{\"id\":" + id + ",\"counts\":{\"likes\":0}}")
							.collect(java.util.stream.Collectors.joining(",")) + "],\"nextCursor\":null}"));
		this.gateway.createContext("/api/v1/posts/", (exchange) -> {
			this.postLookUps.incrementAndGet();
			answer(exchange, next(this.postStatuses), "{\"id\":\"p1\",\"counts\":{\"likes\":0}}");
		});
		this.gateway.createContext("/api/v1/search/posts", (exchange) -> {
			this.searches.incrementAndGet();
			answer(exchange, next(this.searchStatuses), "{\"items\":[{\"id\":\"p1\"}]}");
		});
		this.gateway.start();
	}

	@AfterEach
	void stopGateway() {
		this.gateway.stop(0);
	}

	Checker checker() {
		URI uri = URI.create("http://127.0.0.1:" + this.gateway.getAddress().getPort());
		return new Checker(new PublicApi(uri, new CallLog(), Duration.ofSeconds(5)), this.ledger);
	}

	@Nested
	class OneCheck {

		@Test
		void shouldReadThePostsFromTheirAuthorsTimelineWithoutLookingEachUp() {
			Verdict verdict = checker().check();

			assertThat(verdict.clean()).isTrue();
			assertThat(verdict.byKind()).containsOnlyKeys("posts", "timeline entries", "searchable");
			assertThat(verdict.acknowledged()).isEqualTo(3);
			assertThat(CheckerTests.this.postLookUps).hasValue(0);
		}

		@Test
		void shouldCountWhatTheLookUpCouldNotSeeAsUncheckedNotLost() {
			CheckerTests.this.timelineStatuses.add(503);
			CheckerTests.this.postStatuses.add(503);
			CheckerTests.this.searchStatuses.add(401);

			Verdict verdict = checker().check();

			assertThat(verdict.lost()).isZero();
			assertThat(verdict.unchecked()).isEqualTo(3);
			assertThat(verdict.byKind().get("posts")).isEqualTo(new Verdict.Counts(1, 0, 0, 1));
			assertThat(verdict.byKind().get("timeline entries")).isEqualTo(new Verdict.Counts(1, 0, 0, 1));
			assertThat(verdict.byKind().get("searchable")).isEqualTo(new Verdict.Counts(1, 0, 0, 1));
			assertThat(verdict.clean()).isFalse();
			assertThat(verdict.examples()).contains("could not check posts: p1 answered 503");
		}

		@Test
		void shouldCountAPostThePlatformSaysIsNotThereAsLost() {
			CheckerTests.this.timeline = "";
			CheckerTests.this.postStatuses.add(404);

			Verdict verdict = checker().check();

			assertThat(verdict.byKind().get("posts")).isEqualTo(new Verdict.Counts(1, 1, 0, 0));
			assertThat(verdict.byKind().get("timeline entries")).isEqualTo(new Verdict.Counts(1, 1, 0, 0));
			assertThat(verdict.unchecked()).isZero();
			assertThat(verdict.clean()).isFalse();
		}

		@Test
		void shouldTellAPostMissingFromItsTimelineFromALostPost() {
			CheckerTests.this.timeline = "\"p0\"";

			Verdict verdict = checker().check();

			assertThat(verdict.byKind().get("posts")).isEqualTo(new Verdict.Counts(1, 0, 0, 0));
			assertThat(verdict.byKind().get("timeline entries")).isEqualTo(new Verdict.Counts(1, 1, 0, 0));
			assertThat(CheckerTests.this.postLookUps).hasValue(1);
		}

		@Test
		void shouldCountAPostListedTwiceOnItsTimelineAsDuplicated() {
			CheckerTests.this.timeline = "\"p1\",\"p1\"";

			Verdict verdict = checker().check();

			assertThat(verdict.byKind().get("timeline entries")).isEqualTo(new Verdict.Counts(1, 0, 1, 0));
			assertThat(verdict.allFound()).isTrue();
			assertThat(verdict.clean()).isFalse();
		}

	}

	@Test
	void shouldKeepCheckingWhileAnythingIsUnchecked() {
		this.timelineStatuses.add(503);
		this.timelineStatuses.add(429);
		this.postStatuses.add(503);
		this.postStatuses.add(429);

		Verdict verdict = checker().awaitConverged(Duration.ofSeconds(30));

		assertThat(verdict.clean()).isTrue();
		assertThat(this.postLookUps).hasValue(2);
		assertThat(verdict.took()).isPositive();
	}

	@Test
	void shouldLookAgainOnlyWhereSomethingWasMissing() {
		this.timelineStatuses.add(503);
		this.postStatuses.add(503);

		Verdict verdict = checker().awaitConverged(Duration.ofSeconds(30));

		assertThat(verdict.clean()).isTrue();
		assertThat(verdict.byKind().get("timeline entries")).isEqualTo(new Verdict.Counts(1, 0, 0, 0));
		assertThat(verdict.byKind().get("searchable")).isEqualTo(new Verdict.Counts(1, 0, 0, 0));
		assertThat(this.searches).as("the search found its post the first time").hasValue(1);
	}

	@Test
	void shouldStopLookingOnceEverythingIsFoundWhateverTheCopies() {
		this.timeline = "\"p1\",\"p1\"";

		Verdict found = checker().awaitFound(Duration.ofSeconds(30));

		assertThat(found.allFound()).isTrue();
		assertThat(found.duplicated()).isEqualTo(1);
		assertThat(found.took()).isLessThan(Duration.ofSeconds(1));
	}

	private static int next(Queue<Integer> statuses) {
		Integer status = statuses.poll();
		return (status != null) ? status : 200;
	}

	private static void answer(HttpExchange exchange, int status, String json) throws IOException {
		byte[] body = (status == 200) ? json.getBytes(StandardCharsets.UTF_8)
				: ("{\"type\":\"about:blank\",\"title\":\"x\",\"status\":" + status + "}")
					.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders()
			.add("Content-Type", (status == 200) ? "application/json" : "application/problem+json");
		exchange.sendResponseHeaders(status, body.length);
		exchange.getResponseBody().write(body);
		exchange.close();
	}

}
