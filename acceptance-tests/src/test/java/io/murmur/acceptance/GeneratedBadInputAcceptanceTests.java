package io.murmur.acceptance;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.murmur.acceptance.Api.Account;
import io.murmur.reliability.badinput.BadInputRun;
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
	void shouldAnswerEveryGeneratedBadInputWithoutA5xxAndWithProblems() {
		MurmurPlatform platform = MurmurPlatform.get();
		List<Operation> operations = ServiceDocuments.operations(platform);
		Api gateway = new Api(platform.gatewayUrl());
		List<String> tokens = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			Account account = gateway.newAccount();
			tokens.add(account.accessToken());
		}
		BadInputRun run = new BadInputRun(operations, platform.gatewayUrl(), ServiceDocuments.urls(platform), tokens);
		BadInputRun.Result result = run.run(SEED, THROUGH_GATEWAY, PER_SERVICE);
		System.out.printf(
				"Generated bad inputs: seed %d, %d operations, %d requests in %d s, %d x 5xx, "
						+ "%d errors without a problem%n",
				SEED, result.operations(), result.requests(), result.took().toSeconds(), result.serverErrors(),
				result.faults() - result.serverErrors());
		result.byKind().forEach((kind, count) -> System.out.printf("  %5d  %s%n", count, kind));

		assertThat(operations).as("operations in the API documents").hasSizeGreaterThan(30);
		assertThat(result.requests()).isEqualTo(
				THROUGH_GATEWAY + PER_SERVICE * (int) operations.stream().map(Operation::service).distinct().count());
		assertThat(result.faults())
			.as("seed %d (-Dmurmur.reliability.seed=%d to repeat): %d of %d bad inputs were "
					+ "answered wrongly (by target, fault and kind: %s), the first ones:%n%s", SEED, SEED,
					result.faults(), result.requests(), result.byKind(), String.join("\n", result.examples()))
			.isZero();
	}

}
