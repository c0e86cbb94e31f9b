package io.murmur.benchmarks;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class BenchmarkOptionsTests {

	@Test
	void shouldDefaultToTheDocumentedRunWithTheReportUnderDocs() {
		BenchmarkOptions options = BenchmarkOptions.parse("--root", "/repo");
		assertThat(options.repetitions()).isEqualTo(3);
		assertThat(options.rate()).isEqualTo(50);
		assertThat(options.warmUp()).isEqualTo(Duration.ofSeconds(10));
		assertThat(options.powerLawUsers()).isEqualTo(100_000);
		assertThat(options.mixedRates()).startsWith(2.0, 5.0).isSorted();
		assertThat(options.out().getParent()).isEqualTo(Path.of("/repo/docs/benchmarks"));
		assertThat(options.runs("gateway")).isTrue();
	}

	@Test
	void shouldReadEveryOption() {
		BenchmarkOptions options = BenchmarkOptions.parse("--root", "/repo", "--repetitions", "3", "--rate", "150",
				"--duration", "20s", "--only", "redis,lag", "--out", "/tmp/report", "--power-law-users", "5000",
				"--mixed-rates", "10,30");
		assertThat(options.repetitions()).isEqualTo(3);
		assertThat(options.rate()).isEqualTo(150);
		assertThat(options.duration()).isEqualTo(Duration.ofSeconds(20));
		assertThat(options.runs("redis")).isTrue();
		assertThat(options.runs("lag")).isTrue();
		assertThat(options.runs("gateway")).isFalse();
		assertThat(options.powerLawUsers()).isEqualTo(5000);
		assertThat(options.mixedRates()).containsExactly(10.0, 30.0);
		assertThat(options.out()).isEqualTo(Path.of("/tmp/report"));
	}

	@Test
	void shouldRefuseWhatItDoesNotKnow() {
		assertThatIllegalArgumentException().isThrownBy(() -> BenchmarkOptions.parse("--fast", "yes"))
			.withMessageContaining("Usage");
		assertThatIllegalArgumentException().isThrownBy(() -> BenchmarkOptions.parse("--repetitions", "0"));
		assertThatIllegalArgumentException().isThrownBy(() -> BenchmarkOptions.parse("--rate"));
	}

}
