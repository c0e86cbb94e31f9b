package io.murmur.reliability.badinput;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import io.murmur.reliability.http.RawHttp;
import io.murmur.reliability.http.RawRequest;
import io.murmur.reliability.http.RawResponse;
import io.murmur.reliability.openapi.Operation;

/**
 * Sends generated bad inputs to a running platform and sorts the answers: through the
 * gateway first, then to each service directly, each target with its own generator so
 * that the requests depend on the seed and the operations only. Every answer must pass
 * {@link ProblemCheck}; a request without any answer is a fault too.
 * <p>
 * Requests go out from many loopback addresses, {@value #PER_ADDRESS} from each, and one
 * in ten without a token: a long run must look like many clients to the limits per
 * address, and some bad inputs must meet the routes as an anonymous client does.
 */
public final class BadInputRun {

	/** The target of the requests sent through the gateway. */
	public static final String GATEWAY = "gateway";

	/** What a request that got no answer counts as. */
	public static final String NO_ANSWER = "no response";

	/** How many offending requests a result keeps. */
	public static final int EXAMPLES = 40;

	static final int PER_ADDRESS = 150;

	private static final int WORKERS = 4;

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private final List<Operation> operations;

	private final String gatewayUrl;

	private final Map<String, String> serviceUrls;

	private final List<String> tokens;

	/**
	 * A run against one platform.
	 * @param operations the operations of every service, in a stable order
	 * @param gatewayUrl the gateway's base URL
	 * @param serviceUrls each service's own base URL, by the service name its operations
	 * carry, in a stable order
	 * @param tokens access tokens of users of the platform, used in turn
	 */
	public BadInputRun(List<Operation> operations, String gatewayUrl, Map<String, String> serviceUrls,
			List<String> tokens) {
		if (tokens.isEmpty()) {
			throw new IllegalArgumentException("No user token to send with");
		}
		this.operations = List.copyOf(operations);
		this.gatewayUrl = gatewayUrl;
		this.serviceUrls = new LinkedHashMap<>(serviceUrls);
		this.tokens = List.copyOf(tokens);
	}

	private List<String> services() {
		return this.serviceUrls.keySet().stream().filter((service) -> !own(service).isEmpty()).toList();
	}

	/**
	 * Sends the bad inputs and waits for every answer.
	 * @param seed the seed of the gateway's requests; each service's are seeded with it
	 * and the service's name
	 * @param throughGateway how many go through the gateway
	 * @param perService how many go to each service that publishes an operation
	 * @return what came back
	 */
	public Result run(long seed, int throughGateway, int perService) {
		long started = System.nanoTime();
		List<Answer> answers = new ArrayList<>(send(new RawHttp(this.gatewayUrl, TIMEOUT),
				new BadInputs(this.operations, seed).next(throughGateway), GATEWAY));
		for (String service : services()) {
			answers.addAll(send(new RawHttp(this.serviceUrls.get(service), TIMEOUT),
					new BadInputs(own(service), seed + service.hashCode()).next(perService), service));
		}
		Duration took = Duration.ofNanos(System.nanoTime() - started);
		List<Answer> faults = answers.stream().filter((answer) -> answer.fault() != null).toList();
		Map<String, Integer> byTarget = answers.stream()
			.collect(Collectors.groupingBy(Answer::target, LinkedHashMap::new, Collectors.summingInt((answer) -> 1)));
		Map<String, Long> byKind = faults.stream()
			.collect(
					Collectors.groupingBy(
							(answer) -> answer.target() + " " + answer.fault() + " "
									+ answer.request().description().split("[ :]", 2)[0],
							TreeMap::new, Collectors.counting()));
		Map<Integer, Long> byStatus = answers.stream()
			.collect(Collectors.groupingBy(Answer::status, TreeMap::new, Collectors.counting()));
		Function<String, Long> count = (
				kind) -> faults.stream().filter((answer) -> kind.equals(answer.fault())).count();
		long serverErrors = count.apply(ProblemCheck.SERVER_ERROR);
		long noAnswer = count.apply(NO_ANSWER);
		return new Result(seed, this.operations.size(), answers.size(), took, byTarget, byStatus, serverErrors,
				faults.size() - serverErrors - noAnswer, noAnswer, byKind,
				faults.stream().limit(EXAMPLES).map(Answer::toString).toList());
	}

	private List<Operation> own(String service) {
		return this.operations.stream().filter((operation) -> operation.service().equals(service)).toList();
	}

	private List<Answer> send(RawHttp http, List<RawRequest> requests, String target) {
		List<Answer> answers = Collections.synchronizedList(new ArrayList<>());
		AtomicInteger next = new AtomicInteger();
		ExecutorService pool = Executors.newFixedThreadPool(WORKERS);
		try {
			List<Future<?>> workers = new ArrayList<>();
			for (int worker = 0; worker < WORKERS; worker++) {
				workers.add(pool.submit(() -> {
					for (int i = next.getAndIncrement(); i < requests.size(); i = next.getAndIncrement()) {
						String token = (i % 10 == 9) ? null : this.tokens.get(i % this.tokens.size());
						RawHttp client = http.from("127.0.0." + (2 + (i / PER_ADDRESS) % 200));
						answers.add(answer(client, requests.get(i).withToken(token), target));
					}
				}));
			}
			for (Future<?> worker : workers) {
				worker.get();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while sending bad inputs", ex);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("A worker sending bad inputs failed", ex.getCause());
		}
		finally {
			pool.shutdownNow();
		}
		return answers;
	}

	private static Answer answer(RawHttp http, RawRequest request, String target) {
		try {
			RawResponse response = http.send(request);
			return new Answer(target, request, response.status(), response.toString(),
					ProblemCheck.fault(response).orElse(null));
		}
		catch (RuntimeException ex) {
			return new Answer(target, request, 0, String.valueOf(ex.getMessage()), NO_ANSWER);
		}
	}

	private record Answer(String target, RawRequest request, int status, String response, @Nullable String fault) {

		@Override
		public String toString() {
			return "  [" + this.target + "] " + ((this.fault != null) ? this.fault : "ok") + ": " + this.request
					+ "\n      -> " + this.response;
		}

	}

	/**
	 * What a run found.
	 *
	 * @param seed the seed it ran with
	 * @param operations how many operations it generated from
	 * @param requests how many requests it sent
	 * @param took how long it took
	 * @param byTarget how many requests went to each target: {@value #GATEWAY}, then each
	 * service
	 * @param byStatus how many requests got each status, {@code 0} for no answer: how
	 * many a limit turned away before they met the route (429) shows here
	 * @param serverErrors how many were answered with a 5xx
	 * @param withoutProblem how many were answered with a 4xx that is no proper problem
	 * @param noAnswer how many got no answer at all
	 * @param byKind the faults by target, fault and {@link Mutation}
	 * @param examples the first {@value #EXAMPLES} offending requests with their answers
	 */
	public record Result(long seed, int operations, int requests, Duration took, Map<String, Integer> byTarget,
			Map<Integer, Long> byStatus, long serverErrors, long withoutProblem, long noAnswer,
			Map<String, Long> byKind, List<String> examples) {

		/**
		 * Every request answered wrongly, or not at all.
		 * @return how many
		 */
		public long faults() {
			return this.serverErrors + this.withoutProblem + this.noAnswer;
		}

	}

}
