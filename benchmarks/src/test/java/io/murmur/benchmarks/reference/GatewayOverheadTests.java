package io.murmur.benchmarks.reference;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.murmur.benchmarks.load.LatencySample;
import io.murmur.benchmarks.reference.GatewayOverhead.Target;

import static org.assertj.core.api.Assertions.assertThat;

class GatewayOverheadTests {

	@Test
	void shouldSubtractTheDirectPercentileOfTheSameRepetition() {
		GatewayOverhead.Result result = result();
		assertThat(result.added(Target.GATEWAY, 50)).containsExactly(3.0, 2.0);
		assertThat(result.added(Target.NGINX, 99)).containsExactly(1.0, 0.0);
	}

	@Test
	void shouldCompareTheGatewayWithNginxRepetitionByRepetition() {
		assertThat(result().gatewayVsNginx(50)).containsExactly(2.0, 2.0);
		assertThat(result().gatewayVsNginx(99)).containsExactly(6.0, 9.0);
	}

	@Test
	void shouldCountFailedRequestsOfEveryTarget() {
		assertThat(result().failed()).isEqualTo(3);
	}

	@Test
	void shouldKeepEveryAccountUnderHalfItsReadBudget() {
		assertThat(GatewayOverhead.accountsFor(200)).isEqualTo(20);
		assertThat(GatewayOverhead.accountsFor(1_000) * 600).isGreaterThanOrEqualTo(1_000 * 60);
		assertThat(GatewayOverhead.accountsFor(1)).isEqualTo(10);
	}

	private static GatewayOverhead.Result result() {
		Map<Target, List<LatencySample>> samples = new EnumMap<>(Target.class);
		samples.put(Target.DIRECT, List.of(sample(0, 2, 0), sample(1, 3, 0)));
		samples.put(Target.NGINX, List.of(sample(1, 3, 1), sample(1, 3, 0)));
		samples.put(Target.GATEWAY, List.of(sample(3, 9, 0), sample(3, 12, 2)));
		return new GatewayOverhead.Result(samples, 20);
	}

	private static LatencySample sample(double p50, double p99, long failed) {
		return new LatencySample(1_000, failed, 100, p50, p50, p99, p99, p99);
	}

}
