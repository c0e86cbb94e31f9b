package io.murmur.acceptance;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The web client in a real browser against the whole platform: web-client's Playwright
 * suite ({@code web-client/e2e}) drives the machine's Chromium against the gateway these
 * tests start, which serves the client from the web-client jar. The suite's output goes
 * to this test's log as it runs; the test fails with all of it when the suite does.
 * <p>
 * Chromium is Debian's package, never a browser downloaded by Playwright; without it the
 * test fails and says how to install it.
 */
class WebClientEndToEndTests {

	private static final Path WEB_CLIENT = Path.of("..", "web-client").toAbsolutePath().normalize();

	private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("MURMUR_CHROMIUM", "/usr/bin/chromium"));

	private static final long SUITE_TIMEOUT_MINUTES = 15;

	private final MurmurPlatform platform = MurmurPlatform.get();

	@Test
	void shouldPassTheBrowserSuiteAgainstThePlatform() throws IOException, InterruptedException {
		assertThat(Files.isExecutable(CHROMIUM))
			.as("No Chromium at %s. Install Debian's package: apt-get install -y --no-install-recommends chromium "
					+ "(or set MURMUR_CHROMIUM to another Chromium)", CHROMIUM)
			.isTrue();
		assertThat(WEB_CLIENT.resolve("node_modules/@playwright/test"))
			.as("web-client's npm packages are not installed: build web-client first (./mvnw -B -pl web-client package)")
			.isDirectory();
		ProcessBuilder builder = new ProcessBuilder(List.of("npx", "--no-install", "playwright", "test"))
			.directory(WEB_CLIENT.toFile())
			.redirectErrorStream(true);
		builder.environment().put("MURMUR_BASE_URL", this.platform.gatewayUrl());
		builder.environment().put("MURMUR_CHROMIUM", CHROMIUM.toString());
		builder.environment().put("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
		builder.environment().put("CI", "true");
		Process suite = builder.start();
		StringBuilder output = new StringBuilder();
		Thread reader = Thread.ofVirtual().start(() -> {
			try (BufferedReader lines = suite.inputReader(StandardCharsets.UTF_8)) {
				lines.lines().forEach((line) -> {
					System.out.println("[e2e] " + line);
					synchronized (output) {
						output.append(line).append('\n');
					}
				});
			}
			catch (IOException ex) {
				synchronized (output) {
					output.append("(output stopped: ").append(ex).append(")\n");
				}
			}
		});
		if (!suite.waitFor(SUITE_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
			suite.descendants().forEach(ProcessHandle::destroyForcibly);
			suite.destroyForcibly();
			reader.join(10_000);
			fail("The browser suite did not finish within %d minutes:%n%s", SUITE_TIMEOUT_MINUTES, output);
		}
		reader.join(10_000);
		assertThat(suite.exitValue()).as("The browser suite failed (exit code %d):%n%s", suite.exitValue(), output)
			.isZero();
	}

}
