package io.murmur.benchmarks.feed;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How long the mixed workload's steps measure.
 */
class MixedWorkloadTests {

	private final MixedWorkload workload = new MixedWorkload(3, List.of(2.0, 5.0, 20.0), Duration.ofSeconds(10),
			Duration.ofSeconds(30), 100);

	@Test
	void shouldMeasureLowRatesLongEnoughForTheirP99ToRestOnSeveralRequests() {
		assertThat(this.workload.stepDuration(2)).isEqualTo(Duration.ofSeconds(150));
		assertThat(this.workload.stepDuration(7)).isEqualTo(Duration.ofSeconds(43));
	}

	@Test
	void shouldKeepTheConfiguredDurationWhenItMeasuresEnough() {
		assertThat(this.workload.stepDuration(10)).isEqualTo(Duration.ofSeconds(30));
		assertThat(this.workload.stepDuration(200)).isEqualTo(Duration.ofSeconds(30));
	}

}
