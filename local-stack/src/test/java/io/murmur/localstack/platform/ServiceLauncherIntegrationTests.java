package io.murmur.localstack.platform;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.murmur.localstack.LocalStack;
import io.murmur.localstack.Store;
import io.murmur.localstack.StoreStartException;
import io.murmur.localstack.process.FreePorts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

class ServiceLauncherIntegrationTests {

	@TempDir
	Path root;

	private LocalStack stack;

	@BeforeEach
	void createStack() {
		this.stack = new LocalStack(this.root.resolve("run"));
	}

	@AfterEach
	void closeStack() {
		this.stack.close();
	}

	@Test
	void shouldRunTheServiceJarWithItsStoresPropertiesAndWaitUntilItIsReady() throws Exception {
		FakeServiceJar.create(this.root, "fake-service");
		PlatformService service = PlatformService.of("fake-service", FreePorts.next(), Store.REDIS)
			.withProperty("murmur.greeting", "hello");
		ServiceLauncher launcher = new ServiceLauncher(this.stack, this.root, Duration.ofSeconds(60));

		RunningService running = launcher.start(service);

		assertThat(running.isHealthy()).isTrue();
		String redisPort = this.stack.redis().springProperties().get("spring.data.redis.port");
		assertThat(get(service.url() + "/args").lines()).contains("--server.port=" + service.port(),
				"--spring.data.redis.port=" + redisPort, "--murmur.greeting=hello");
		assertThat(Files.readString(launcher.logFile(service))).contains("fake service listening on " + service.port());

		ProcessHandle process = ProcessHandle.of(running.pid()).orElseThrow();
		running.stop();
		await().atMost(Duration.ofSeconds(10)).until(() -> !process.isAlive());
		assertThat(Processes.isListening(service.port())).isFalse();
	}

	@Test
	void shouldKillTheServiceAtOnceAndStartItAgainOnTheSamePorts() throws Exception {
		FakeServiceJar.create(this.root, "fake-service");
		PlatformService service = PlatformService.of("fake-service", FreePorts.next());
		ServiceLauncher launcher = new ServiceLauncher(this.stack, this.root, Duration.ofSeconds(60));
		RunningService first = launcher.start(service);
		ProcessHandle firstProcess = ProcessHandle.of(first.pid()).orElseThrow();

		first.kill();

		assertThat(first.isAlive()).isFalse();
		assertThat(firstProcess.isAlive()).isFalse();
		assertThat(first.isHealthy()).isFalse();
		assertThat(Processes.isListening(service.port())).isFalse();
		assertThat(Processes.isListening(service.managementPort())).isFalse();
		assertThat(Files.readString(launcher.logFile(service))).doesNotContain("fake service shutting down");

		RunningService second = launcher.start(service);
		try {
			assertThat(second.isAlive()).isTrue();
			assertThat(second.pid()).isNotEqualTo(first.pid());
			assertThat(get(service.url() + "/args")).contains("--server.port=" + service.port(),
					"--management.server.port=" + service.managementPort());
			assertThat(Files.readString(launcher.logFile(service)))
				.containsSubsequence("fake service listening on " + service.port(), "fake-service started again at",
						"fake service listening on " + service.port())
				.doesNotContain("fake service shutting down");
		}
		finally {
			second.stop();
		}
		assertThat(Files.readString(launcher.logFile(service))).contains("fake service shutting down");
	}

	@Test
	void shouldPassSecretsInTheEnvironmentAndNotOnTheCommandLine() throws Exception {
		FakeServiceJar.create(this.root, "fake-service");
		PlatformService service = PlatformService.of("fake-service", FreePorts.next())
			.withProperty("murmur.service-client.client-id", "fake-service")
			.withSecret("murmur.service-client.client-secret", "s3cret-value");
		ServiceLauncher launcher = new ServiceLauncher(this.stack, this.root, Duration.ofSeconds(60));

		RunningService running = launcher.start(service);

		try {
			assertThat(get(service.url() + "/args")).contains("--murmur.service-client.client-id=fake-service")
				.doesNotContain("s3cret-value");
			assertThat(ProcessHandle.of(running.pid()).orElseThrow().info().commandLine().orElse(""))
				.doesNotContain("s3cret-value");
			assertThat(get(service.url() + "/spring-application-json"))
				.contains("\"murmur.service-client.client-secret\"")
				.contains("\"s3cret-value\"");
		}
		finally {
			running.stop();
		}
	}

	@Test
	void shouldRefuseAPortThatIsInUse() throws Exception {
		FakeServiceJar.create(this.root, "fake-service");
		try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
			PlatformService service = PlatformService.of("fake-service", socket.getLocalPort());
			ServiceLauncher launcher = new ServiceLauncher(this.stack, this.root, Duration.ofSeconds(60));

			assertThatExceptionOfType(StoreStartException.class).isThrownBy(() -> launcher.start(service))
				.withMessageContaining("cannot listen on port " + socket.getLocalPort())
				.withMessageContaining("pid " + ProcessHandle.current().pid());
		}
	}

	@Test
	void shouldExplainHowToBuildAMissingJar() {
		PlatformService service = PlatformService.of("missing-service", FreePorts.next());
		ServiceLauncher launcher = new ServiceLauncher(this.stack, this.root, Duration.ofSeconds(60));

		assertThatExceptionOfType(StoreStartException.class).isThrownBy(() -> launcher.start(service))
			.withMessageContaining("No jar of missing-service")
			.withMessageContaining("./mvnw -B -DskipTests -pl missing-service -am package");
	}

	private static String get(String url) throws Exception {
		try (HttpClient http = HttpClient.newHttpClient()) {
			return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString())
				.body();
		}
	}

}
