package io.murmur.benchmarks.load;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class GatlingReportTests {

	@TempDir
	Path dir;

	@Test
	void shouldReadCountsAndPercentilesOfTheSuccessfulRequests() throws IOException {
		LatencySample sample = GatlingReport.parse(samplePage());
		assertThat(sample.requests()).isEqualTo(500);
		assertThat(sample.failed()).isZero();
		assertThat(sample.meanRps()).isEqualTo(55.56);
		assertThat(sample.p50()).isEqualTo(1);
		assertThat(sample.p75()).isEqualTo(2);
		assertThat(sample.p95()).isEqualTo(6);
		assertThat(sample.p99()).isEqualTo(20);
		assertThat(sample.max()).isEqualTo(58);
	}

	@Test
	void shouldFindThePageOfTheRequestName() throws IOException {
		Files.writeString(this.dir.resolve("req_warm-up-42.html"), "nothing");
		Files.writeString(this.dir.resolve("req_measured-976812346.html"), samplePage());
		assertThat(GatlingReport.read(this.dir, "measured").p99()).isEqualTo(20);
	}

	@Test
	void shouldSayWhatIsMissing() {
		assertThatIllegalStateException().isThrownBy(() -> GatlingReport.read(this.dir, "measured"))
			.withMessageContaining("measured");
		assertThatIllegalStateException().isThrownBy(() -> GatlingReport.parse("<html></html>"))
			.withMessageContaining("Total count");
	}

	private static String samplePage() throws IOException {
		try (InputStream in = GatlingReportTests.class.getResourceAsStream("req_measured-sample.html")) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}
