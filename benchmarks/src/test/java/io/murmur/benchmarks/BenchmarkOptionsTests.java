package io.murmur.benchmarks;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import picocli.CommandLine.ParameterException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

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
		assertThat(options.duration()).isEqualTo(Duration.ofSeconds(30));
		assertThat(options.zaddRequests()).isEqualTo(1_000_000);
		assertThat(options.zaddPipeline()).isEqualTo(16);
		assertThat(options.reed98()).isNull();
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
	void shouldRefuseWhatItDoesNotKnowNamingTheOption() {
		assertThatExceptionOfType(ParameterException.class).isThrownBy(() -> BenchmarkOptions.parse("--fast", "yes"))
			.withMessageContaining("Unknown options: '--fast'");
		assertThatExceptionOfType(ParameterException.class)
			.isThrownBy(() -> BenchmarkOptions.parse("--repetitions", "0"))
			.withMessageContaining("--repetitions")
			.withMessageContaining("'0' is not a positive number");
		assertThatExceptionOfType(ParameterException.class).isThrownBy(() -> BenchmarkOptions.parse("--rate"))
			.withMessageContaining("'--rate'");
		assertThatExceptionOfType(ParameterException.class)
			.isThrownBy(() -> BenchmarkOptions.parse("--only", "redis,fanot"))
			.withMessageContaining("'fanot' is none of redis, fanout, lag, strategies, mixed, gateway");
		assertThatExceptionOfType(ParameterException.class).isThrownBy(() -> BenchmarkOptions.parse("--warm-up", "ten"))
			.withMessageContaining("--warm-up");
	}

}
