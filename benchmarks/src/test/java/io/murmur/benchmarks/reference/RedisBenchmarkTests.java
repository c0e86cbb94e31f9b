package io.murmur.benchmarks.reference;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class RedisBenchmarkTests {

	@Test
	void shouldReadTheRateOfTheZaddRow() {
		String csv = """
				"test","rps","avg_latency_ms","min_latency_ms","p50_latency_ms","p95_latency_ms","p99_latency_ms","max_latency_ms"
				"ZADD","512820.50","1.512","0.184","1.463","2.087","2.647","6.951"
				""";
		assertThat(RedisBenchmark.parseRate(csv)).isEqualTo(512_820.50);
	}

	@Test
	void shouldSayWhenThereIsNoZaddRow() {
		assertThatIllegalStateException().isThrownBy(() -> RedisBenchmark.parseRate("Could not connect"))
			.withMessageContaining("Could not connect");
	}

}
