package io.murmur.reliability.auth;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.nimbusds.jose.jwk.RSAKey;

import io.murmur.reliability.badinput.ProblemCheck;
import io.murmur.reliability.http.RawHttp;
import io.murmur.reliability.http.RawResponse;
import io.murmur.reliability.openapi.Operation;

/**
 * Sends the whole {@link AuthMatrix} to a running platform: every protected operation
 * with every {@link BadToken} and with a service's token, at the gateway and at its own
 * service. A hole is a case answered with a status it does not allow, or with an error
 * that is no proper problem. The cases of one target go out from many loopback addresses,
 * {@value #PER_ADDRESS} from each, so that the limits per address see many clients.
 */
public final class AuthMatrixRun {

	/** The target of the cases sent through the gateway. */
	public static final String GATEWAY = "gateway";

	/** How many holes a result keeps. */
	public static final int EXAMPLES = 40;

	static final int PER_ADDRESS = 100;

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private final List<Operation> operations;

	private final String gatewayUrl;

	private final Map<String, String> serviceUrls;

	/**
	 * A run against one platform.
	 * @param operations the operations of every service
	 * @param gatewayUrl the gateway's base URL
	 * @param serviceUrls each service's own base URL, by the service name its operations
	 * carry
	 */
	public AuthMatrixRun(List<Operation> operations, String gatewayUrl, Map<String, String> serviceUrls) {
		this.operations = List.copyOf(operations);
		this.gatewayUrl = gatewayUrl;
		this.serviceUrls = new LinkedHashMap<>(serviceUrls);
	}

	/**
	 * Sends every case and sorts the answers.
	 * @param key the platform's signing key, to forge the tokens that only its key makes
	 * dangerous
	 * @param issuer the issuer the platform's tokens carry
	 * @param audience the audience the platform's tokens carry
	 * @param subject a user of the platform, whom the forged tokens claim to be
	 * @param serviceToken a service's own token, good at the services but not for the
	 * public API
	 * @return what came back
	 */
	public Result run(RSAKey key, String issuer, String audience, String subject, String serviceToken) {
		Map<String, Integer> cases = new LinkedHashMap<>();
		List<Hole> holes = new ArrayList<>();
		cases.put(GATEWAY, check(new RawHttp(this.gatewayUrl, TIMEOUT), GATEWAY, AuthMatrix.cases(this.operations, true,
				(kind) -> kind.token(key, issuer, audience, subject), serviceToken), holes));
		this.serviceUrls.forEach((service, url) -> {
			List<Operation> own = this.operations.stream()
				.filter((operation) -> operation.service().equals(service))
				.toList();
			cases.put(service, check(new RawHttp(url, TIMEOUT), service,
					AuthMatrix.cases(own, false, (kind) -> kind.token(key, issuer, audience, subject), serviceToken),
					holes));
		});
		Map<String, Long> byKind = new TreeMap<>();
		holes.forEach((hole) -> byKind.merge(hole.target() + " " + hole.cell().token(), 1L, Long::sum));
		return new Result(this.operations.size(), this.operations.stream().filter(AuthMatrix::isProtected).count(),
				cases.values().stream().mapToInt(Integer::intValue).sum(), cases, holes.size(), byKind,
				holes.stream().limit(EXAMPLES).map(Hole::toString).toList());
	}

	private static int check(RawHttp http, String target, List<AuthCase> cells, List<Hole> holes) {
		int index = 0;
		for (AuthCase cell : cells) {
			RawHttp client = http.from("127.0.1." + (1 + (index++ / PER_ADDRESS) % 250));
			String answer;
			boolean hole;
			try {
				RawResponse response = client.send(cell.request());
				answer = response.toString();
				hole = !cell.allowed().contains(response.status()) || ProblemCheck.fault(response).isPresent();
			}
			catch (RuntimeException ex) {
				answer = "no response: " + ex.getMessage();
				hole = true;
			}
			if (hole) {
				holes.add(new Hole(target, cell, answer));
			}
		}
		return cells.size();
	}

	private record Hole(String target, AuthCase cell, String answer) {

		@Override
		public String toString() {
			return "  " + this.cell + " -> " + this.answer;
		}

	}

	/**
	 * What a run found.
	 *
	 * @param operations how many operations the services publish
	 * @param protectedOperations how many of them need a user's token
	 * @param cases how many cases were sent
	 * @param casesByTarget how many went to each target: {@value #GATEWAY}, then each
	 * service
	 * @param holes how many cases were answered wrongly
	 * @param byKind the holes by target and token ({@link BadToken} or
	 * {@value AuthCase#SERVICE_TOKEN})
	 * @param examples the first {@value #EXAMPLES} holes with their answers
	 */
	public record Result(int operations, long protectedOperations, int cases, Map<String, Integer> casesByTarget,
			long holes, Map<String, Long> byKind, List<String> examples) {

	}

}
