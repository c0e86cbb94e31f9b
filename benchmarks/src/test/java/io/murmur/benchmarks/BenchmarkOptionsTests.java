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
		assertThat(options.repetitions()).isEqualTo(5);
		assertThat(options.rate()).isEqualTo(50);
		assertThat(options.warmUp()).isEqualTo(Duration.ofSeconds(15));
		assertThat(options.out().getParent()).isEqualTo(Path.of("/repo/docs/benchmarks"));
		assertThat(options.runs("gateway")).isTrue();
	}

	@Test
	void shouldReadEveryOption() {
		BenchmarkOptions options = BenchmarkOptions.parse("--root", "/repo", "--repetitions", "3", "--rate", "150",
				"--duration", "20s", "--only", "redis", "--out", "/tmp/report");
		assertThat(options.repetitions()).isEqualTo(3);
		assertThat(options.rate()).isEqualTo(150);
		assertThat(options.duration()).isEqualTo(Duration.ofSeconds(20));
		assertThat(options.runs("redis")).isTrue();
		assertThat(options.runs("gateway")).isFalse();
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
