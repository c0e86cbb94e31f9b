package io.murmur.localstack.platform;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.murmur.localstack.StoreOutage;
import io.murmur.localstack.platform.PlatformState.Component;
import io.murmur.localstack.platform.PlatformState.Phase;
import io.murmur.localstack.platform.PlatformState.Status;
import io.murmur.localstack.process.FreePorts;
import io.murmur.localstack.process.Jdks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The platform commands against a real daemon in its own JVM, with Redis as the store.
 */
class PlatformIntegrationTests {

	@TempDir
	Path root;

	private String output = "";

	@AfterEach
	void stopWhateverRuns() {
		run("down");
	}

	@Test
	void shouldStartAStoreInADetachedDaemonAndLeaveNothingBehindOnDown() throws Exception {
		assertThat(run("up", "--stores", "redis", "--services", "none", "--timeout", "120", "--refresh", "2")).isZero();
		assertThat(this.output).contains("Murmur platform is up: 1 component healthy", "redis://127.0.0.1:");

		PlatformState state = home().readState().orElseThrow();
		assertThat(state.phase()).isEqualTo(Phase.RUNNING);
		Component redis = state.component("redis").orElseThrow();
		assertThat(redis.healthy()).isTrue();
		ProcessHandle daemon = ProcessHandle.of(state.daemonPid()).orElseThrow();
		ProcessHandle store = ProcessHandle.of(redis.pid()).orElseThrow();
		assertThat(sessionOf(daemon.pid())).isEqualTo(daemon.pid())
			.isNotEqualTo(sessionOf(ProcessHandle.current().pid()));
		assertThat(ping(redis.endpoint())).isEqualTo("PONG");
		int port = Processes.portOf(redis.endpoint()).orElseThrow();
		assertThat(redis.ports()).contains(port);

		assertThat(run("status")).isEqualTo(StatusCommand.HEALTHY);
		assertThat(this.output).contains("redis", "healthy", redis.endpoint());
		await().atMost(Duration.ofSeconds(10))
			.until(() -> home().readState().orElseThrow().updatedAt().isAfter(state.updatedAt()));
		assertThat(run("logs", "redis")).isZero();
		assertThat(this.output).contains("Ready to accept connections");

		assertThat(run("down")).isZero();
		assertThat(this.output).contains("No process of the platform is left");
		assertThat(daemon.isAlive()).isFalse();
		assertThat(store.isAlive()).isFalse();
		assertThat(Processes.isListening(port)).isFalse();
		assertThat(StoreOutage.accepts(port)).isFalse();
		assertThat(home().stateFile()).doesNotExist();
		assertThat(run("status")).isEqualTo(StatusCommand.NOT_RUNNING);
	}

	@Test
	void shouldStopTheStoreWhenTheDaemonIsKilled() {
		assertThat(run("up", "--stores", "redis", "--services", "none", "--timeout", "120")).isZero();
		PlatformState state = home().readState().orElseThrow();
		ProcessHandle store = ProcessHandle.of(state.component("redis").orElseThrow().pid()).orElseThrow();

		ProcessHandle.of(state.daemonPid()).orElseThrow().destroyForcibly();

		await().atMost(Duration.ofSeconds(15)).until(() -> !store.isAlive());
		assertThat(run("status")).isEqualTo(StatusCommand.NOT_RUNNING);
		assertThat(this.output).contains("is gone without cleaning up");
		assertThat(run("down")).isZero();
		assertThat(home().stateFile()).doesNotExist();
	}

	@Test
	void shouldRejectAnUnknownStoreBeforeStartingAnything() {
		assertThat(run("up", "--stores", "redis,mongodb")).isEqualTo(2);
		assertThat(this.output).contains("Unknown store 'mongodb'");
		assertThat(home().stateFile()).doesNotExist();
	}

	@Test
	void shouldKeepTheFailureAndStopTheStoresWhenAServiceCannotStart() throws Exception {
		Process daemon = startDaemonWithService(FreePorts.next());

		assertThat(daemon.waitFor(90, TimeUnit.SECONDS)).isTrue();
		assertThat(daemon.exitValue()).isEqualTo(1);
		PlatformState state = home().readState().orElseThrow();
		assertThat(state.phase()).isEqualTo(Phase.FAILED);
		assertThat(state.message()).contains(PlatformState.GATEWAY, "No jar of " + PlatformState.GATEWAY);
		Component redis = state.component("redis").orElseThrow();
		assertThat(redis.status()).isEqualTo(Status.STOPPED);
		assertThat(ProcessHandle.of(redis.pid()).map(ProcessHandle::isAlive)).isNotEqualTo(Optional.of(true));
		assertThat(run("status")).isEqualTo(StatusCommand.NOT_RUNNING);
		assertThat(this.output).contains("its last start failed");
	}

	@Test
	void shouldRunAServiceWithItsStoresAndStopBothOnDown() throws Exception {
		int port = FreePorts.next();
		FakeServiceJar.create(this.root, PlatformState.GATEWAY);
		Process daemon = startDaemonWithService(port);
		await().atMost(Duration.ofSeconds(90))
			.until(() -> home().readState().filter((state) -> state.phase() == Phase.RUNNING).isPresent());
		PlatformState state = home().readState().orElseThrow();
		assertThat(state.components()).extracting(Component::name).containsExactly("redis", PlatformState.GATEWAY);
		Component service = state.component(PlatformState.GATEWAY).orElseThrow();
		assertThat(service.healthy()).isTrue();
		assertThat(service.ports()).contains(port);
		assertThat(Files.readString(Path.of(service.log()))).contains("fake service listening on " + port);

		assertThat(run("status")).isEqualTo(StatusCommand.HEALTHY);
		assertThat(this.output).contains("Gateway: http://127.0.0.1:" + port);
		ProcessHandle serviceProcess = ProcessHandle.of(service.pid()).orElseThrow();

		assertThat(run("down")).isZero();
		assertThat(daemon.isAlive()).isFalse();
		assertThat(serviceProcess.isAlive()).isFalse();
		assertThat(Processes.isListening(port)).isFalse();
	}

	private Process startDaemonWithService(int port) throws IOException {
		return new ProcessBuilder(Jdks.INSTANCE.currentJava().toString(), "-cp", System.getProperty("java.class.path"),
				DaemonWithServiceMain.class.getName(), home().dir().toString(), this.root.toString(),
				PlatformState.GATEWAY, Integer.toString(port))
			.redirectErrorStream(true)
			.redirectOutput(this.root.resolve("daemon.out").toFile())
			.start();
	}

	private PlatformHome home() {
		return new PlatformHome(this.root.resolve(".platform"), this.root);
	}

	private int run(String... args) {
		List<String> command = new ArrayList<>(List.of(args));
		command.addAll(List.of("--home", home().dir().toString(), "--root", this.root.toString()));
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		int code = Platform.run(command.toArray(String[]::new), new PrintStream(bytes, true, StandardCharsets.UTF_8));
		this.output = bytes.toString(StandardCharsets.UTF_8);
		return code;
	}

	private static String ping(String uri) {
		RedisClient client = RedisClient.create(uri);
		try (StatefulRedisConnection<String, String> connection = client.connect()) {
			return connection.sync().ping();
		}
		finally {
			client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
		}
	}

	private static long sessionOf(long pid) throws IOException {
		String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
		return Long.parseLong(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[3]);
	}

}
