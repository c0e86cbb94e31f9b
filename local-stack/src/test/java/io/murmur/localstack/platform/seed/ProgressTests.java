package io.murmur.localstack.platform.seed;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressTests {

	private final ByteArrayOutputStream output = new ByteArrayOutputStream();

	@Test
	void shouldPrintALineForEachTenthAndOneForTheTotal() {
		Progress progress = new Progress(new PrintStream(this.output, true, StandardCharsets.UTF_8), "follows", 1000,
				Duration.ofHours(1));

		progress.add(400, false);
		for (int i = 0; i < 600; i++) {
			progress.add(1, true);
		}
		SeedReport.Step step = progress.finish();

		assertThat(step.total()).isEqualTo(1000);
		assertThat(step.created()).isEqualTo(600);
		assertThat(lines()).hasSize(7);
		assertThat(lines()[0]).startsWith("  follows        400 / 1,000   40%");
		assertThat(lines()[5]).startsWith("  follows        900 / 1,000   90%");
		assertThat(lines()[6]).startsWith("  follows      1,000 done in ")
			.contains(": 600 new (", ", 400 already there");
	}

	@Test
	void shouldSayNothingNewWhenEverythingWasThere() {
		Progress progress = new Progress(new PrintStream(this.output, true, StandardCharsets.UTF_8), "users", 3,
				Duration.ofHours(1));

		progress.add(3, false);
		progress.finish();

		assertThat(lines()).singleElement().asString().contains("3 done in", ": nothing new, 3 already there");
	}

	private String[] lines() {
		return this.output.toString(StandardCharsets.UTF_8).split("\n");
	}

}
