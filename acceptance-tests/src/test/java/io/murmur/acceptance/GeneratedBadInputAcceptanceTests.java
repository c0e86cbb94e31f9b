package io.murmur.acceptance;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.murmur.acceptance.Api.Account;
import io.murmur.reliability.badinput.BadInputs;
import io.murmur.reliability.badinput.ProblemCheck;
import io.murmur.reliability.http.RawHttp;
import io.murmur.reliability.http.RawRequest;
import io.murmur.reliability.http.RawResponse;
import io.murmur.reliability.openapi.Operation;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Thousands of bad requests, generated from the OpenAPI documents of every service from
 * one seed, through the gateway and to each service directly: none may get a 5xx, and
 * every 4xx must be a problem. The seed is {@code murmur.reliability.seed} (a fixed one
 * by default, so that a run is repeated exactly); a failure prints it with the offending
 * requests.
 */
class GeneratedBadInputAcceptanceTests {

	static final long SEED = Long.getLong("murmur.reliability.seed", 20260421L);

	static final int THROUGH_GATEWAY = Integer.getInteger("murmur.reliability.gateway-inputs", 1200);

	static final int PER_SERVICE = Integer.getInteger("murmur.reliability.service-inputs", 150);

	@Test
	void shouldAnswerEveryGeneratedBadInputWithoutA5xxAndWithProblems() throws Exception {
		MurmurPlatform platform = MurmurPlatform.get();
		List<Operation> operations = ServiceDocuments.operations(platform);
		Api gateway = new Api(platform.gatewayUrl());
		List<String> tokens = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			Account account = gateway.newAccount();
			tokens.add(account.accessToken());
		}
		BadInputs inputs = new BadInputs(operations, SEED);
		List<Result> results = new ArrayList<>();
		long started = System.nanoTime();
		results.addAll(run(new RawHttp(platform.gatewayUrl(), Duration.ofSeconds(30)), inputs.next(THROUGH_GATEWAY),
				tokens, "gateway"));
		for (Map.Entry<String, String> service : ServiceDocuments.urls(platform).entrySet()) {
			List<Operation> own = operations.stream().filter((op) -> op.service().equals(service.getKey())).toList();
			if (own.isEmpty()) {
				continue;
			}
			BadInputs direct = new BadInputs(own, SEED + service.getKey().hashCode());
			results.addAll(run(new RawHttp(service.getValue(), Duration.ofSeconds(30)), direct.next(PER_SERVICE),
					tokens, service.getKey()));
		}
		List<Result> faults = results.stream().filter((result) -> result.fault().isPresent()).toList();
		System.out.printf(
				"Generated bad inputs: seed %d, %d operations, %d requests in %d s, %d x 5xx, "
						+ "%d errors without a problem%n",
				SEED, operations.size(), results.size(), Duration.ofNanos(System.nanoTime() - started).toSeconds(),
				faults.stream().filter((result) -> result.fault().get().equals("5xx")).count(),
				faults.stream().filter((result) -> !result.fault().get().equals("5xx")).count());

		Map<String, Long> kinds = faults.stream()
			.collect(
					Collectors.groupingBy(
							(result) -> result.target() + " " + result.fault().get() + " "
									+ result.request().description().split("[ :]", 2)[0],
							TreeMap::new, Collectors.counting()));
		kinds.forEach((kind, count) -> System.out.printf("  %5d  %s%n", count, kind));

		assertThat(operations).as("operations in the API documents").hasSizeGreaterThan(30);
		assertThat(results).hasSize(
				THROUGH_GATEWAY + PER_SERVICE * (int) operations.stream().map(Operation::service).distinct().count());
		assertThat(faults)
			.as("seed %d (-Dmurmur.reliability.seed=%d to repeat): %d of %d bad inputs were "
					+ "answered wrongly (by target, fault and kind: %s), the first ones:%n%s", SEED, SEED,
					faults.size(), results.size(), kinds,
					String.join("\n", faults.stream().limit(40).map(Result::toString).toList()))
			.isEmpty();
	}

	private static List<Result> run(RawHttp http, List<RawRequest> requests, List<String> tokens, String target)
			throws Exception {
		List<Result> results = Collections.synchronizedList(new ArrayList<>());
		AtomicInteger next = new AtomicInteger();
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			List<Future<?>> workers = new ArrayList<>();
			for (int worker = 0; worker < 4; worker++) {
				workers.add(pool.submit(() -> {
					for (int i = next.getAndIncrement(); i < requests.size(); i = next.getAndIncrement()) {
						RawRequest request = requests.get(i);
						String token = (i % 10 == 9) ? null : tokens.get(i % tokens.size());
						RawHttp client = http.from("127.0.0." + (2 + (i / 150) % 200));
						results.add(send(client, request.withToken(token), target));
					}
				}));
			}
			for (Future<?> worker : workers) {
				worker.get();
			}
		}
		finally {
			pool.shutdownNow();
		}
		return results;
	}

	private static Result send(RawHttp http, RawRequest request, String target) {
		try {
			RawResponse response = http.send(request);
			return new Result(target, request, response.toString(), ProblemCheck.fault(response));
		}
		catch (RuntimeException ex) {
			return new Result(target, request, ex.getMessage(), Optional.of("no response"));
		}
	}

	record Result(String target, RawRequest request, String response, Optional<String> fault) {

		@Override
		public String toString() {
			return "  [" + this.target + "] " + this.fault.orElse("ok") + ": " + this.request + "\n      -> "
					+ this.response;
		}

	}

}
