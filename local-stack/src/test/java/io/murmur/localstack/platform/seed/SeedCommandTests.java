package io.murmur.localstack.platform.seed;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.murmur.localstack.process.FreePorts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SeedCommandTests {

	@TempDir
	Path dir;

	@Test
	void shouldSayThePlatformIsNotUpAndNameTheServicesThatDoNotAnswer() {
		ByteArrayOutputStream output = new ByteArrayOutputStream();
		String user = "http://127.0.0.1:" + FreePorts.next();
		String graph = "http://127.0.0.1:" + FreePorts.next();
		String post = "http://127.0.0.1:" + FreePorts.next();
		SeedCommand command = new SeedCommand(this.dir, new ServiceUrls(user, graph, post, "http://127.0.0.1:1"),
				new PrintStream(output, true, StandardCharsets.UTF_8));

		int exitCode = command.run(new SeedOptions(this.dir.resolve("graph.edges"), 3, null, 4, "reed_"));

		assertThat(exitCode).isEqualTo(SeedCommand.FAILED);
		assertThat(output.toString(StandardCharsets.UTF_8)).contains(
				"The platform is not up: user-service at " + user + " does not answer, graph-service at " + graph
						+ " does not answer, post-service at " + post + " does not answer.",
				"Start it with ./platform up");
		assertThat(this.dir.resolve("seed.properties")).doesNotExist();
	}

	@Test
	void shouldRefuseOptionsOutOfRange() {
		Path edges = this.dir.resolve("graph.edges");

		assertThatIllegalArgumentException().isThrownBy(() -> new SeedOptions(edges, -1, null, 16, "reed_"))
			.withMessageContaining("--posts-per-user must be between 0 and 100");
		assertThatIllegalArgumentException().isThrownBy(() -> new SeedOptions(edges, 3, null, 0, "reed_"))
			.withMessageContaining("--concurrency must be between 1 and 256");
		assertThatIllegalArgumentException().isThrownBy(() -> new SeedOptions(edges, 3, null, 16, "reed-"))
			.withMessageContaining("--prefix must be 1 to 20 of A-Z, a-z, 0-9 and _");
	}

}
