package io.murmur.localstack.process;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An owner JVM killed with SIGKILL leaves no store process behind for long.
 */
class OrphanProtectionIntegrationTests {

	@Test
	void shouldStopStoresSoonAfterTheOwnerIsKilled(@TempDir Path runDir) throws Exception {
		Process owner = new ProcessBuilder(Jdks.INSTANCE.currentJava().toString(), "-cp",
				System.getProperty("java.class.path"), OwnerProcessMain.class.getName(), runDir.toString(), "redis")
			.redirectErrorStream(true)
			.start();
		List<Long> storePids = new ArrayList<>();
		try (BufferedReader out = new BufferedReader(
				new InputStreamReader(owner.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = out.readLine()) != null && !line.equals("READY")) {
				if (line.startsWith("STORE ")) {
					storePids.add(Long.parseLong(line.split(" ")[2]));
				}
			}
		}
		assertThat(storePids).hasSize(1);
		ProcessHandle store = ProcessHandle.of(storePids.get(0)).orElseThrow();
		assertThat(store.isAlive()).isTrue();

		owner.destroyForcibly();
		assertThat(owner.waitFor(10, TimeUnit.SECONDS)).isTrue();

		await().atMost(Duration.ofSeconds(15)).until(() -> !store.isAlive());
	}

}
