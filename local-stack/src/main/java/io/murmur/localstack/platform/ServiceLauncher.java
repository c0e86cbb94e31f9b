package io.murmur.localstack.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import io.murmur.localstack.LocalStack;
import io.murmur.localstack.StoreStartException;
import io.murmur.localstack.process.Jdks;
import io.murmur.localstack.process.ManagedProcess;

/**
 * Runs a {@link PlatformService} from {@code <module>/target/<module>-<version>.jar} as a
 * process of the {@link LocalStack}, so that it is stopped with the stores even when the
 * daemon is killed, and waits until its readiness endpoint answers. Its properties are
 * command-line arguments; its secrets go in {@code SPRING_APPLICATION_JSON}, since any
 * user of the machine can read a process's command line but not its environment.
 */
public final class ServiceLauncher {

	/**
	 * Small heaps for a machine that runs the whole platform; every collection and its
	 * pause is logged to {@code gc.log} beside the service's log, for reading latency
	 * tails against. A service's classes take 70 to 110 MB of metaspace; from the default
	 * first threshold of about 20 MB, the serial collector made three or four full
	 * collections while a service started, and another when a first request of a new kind
	 * loaded more classes minutes later (1.6 s in feed-service on a busy machine, which
	 * its callers saw as timeouts). A first threshold above what a service needs leaves
	 * those out; metaspace is still only committed as classes load.
	 */
	private static final List<String> JVM_OPTIONS = List.of("-Xms64m", "-Xmx384m", "-XX:MetaspaceSize=128m",
			"-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError",
			"-Xlog:gc:file=gc.log:time,uptime,level,tags:filecount=2,filesize=10m");

	private final LocalStack stack;

	private final Path root;

	private final Duration readyTimeout;

	public ServiceLauncher(LocalStack stack, Path root, Duration readyTimeout) {
		this.stack = stack;
		this.root = root;
		this.readyTimeout = readyTimeout;
	}

	/**
	 * The log file a service writes to.
	 * @param service the service
	 * @return the log file
	 */
	public Path logFile(PlatformService service) {
		return this.stack.runDir().resolve(service.module()).resolve(service.module() + ".log");
	}

	/**
	 * Starts the service and waits until it is ready; the stores it needs are started
	 * first if they do not run yet. A service that was stopped or
	 * {@link RunningService#kill() killed} starts again the same way, on the same ports:
	 * its log goes on in the same file, after a line that marks the new start.
	 * @param service the service
	 * @return the running service
	 * @throws StoreStartException if it cannot start or does not become ready
	 */
	public RunningService start(PlatformService service) {
		Path jar = jar(service);
		for (int port : List.of(service.port(), service.managementPort())) {
			if (Processes.isListening(port)) {
				throw new StoreStartException(service.module() + " cannot listen on port " + port + ": it is in use by "
						+ describeListeners(port));
			}
		}
		Map<String, String> properties = new LinkedHashMap<>(this.stack.springProperties(service.stores()));
		if (service.database() != null) {
			properties.put("spring.datasource.url", this.stack.postgres().createDatabase(service.database()));
		}
		properties.putAll(service.properties());
		List<String> command = new ArrayList<>();
		command.add(Jdks.INSTANCE.currentJava().toString());
		command.addAll(JVM_OPTIONS);
		command.add("-jar");
		command.add(jar.toString());
		command.add("--server.port=" + service.port());
		command.add("--management.server.port=" + service.managementPort());
		properties.forEach((key, value) -> command.add("--" + key + "=" + value));
		Path log = logFile(service);
		markStartedAgain(service, log);
		ProcessBuilder builder = new ProcessBuilder(command).directory(createDirectories(log.getParent()).toFile());
		if (!service.secrets().isEmpty()) {
			builder.environment().put("SPRING_APPLICATION_JSON", Json.write(service.secrets()));
		}
		ManagedProcess process = this.stack.launch(service.module(), builder, log);
		RunningService running = new RunningService(service, process);
		try {
			process.awaitReady(this.readyTimeout, running::isHealthy);
		}
		catch (RuntimeException ex) {
			running.stop();
			throw ex;
		}
		return running;
	}

	/**
	 * The service's executable jar: the Spring Boot jar the module's {@code package}
	 * phase leaves in its {@code target} directory, the newest if there are several.
	 * @param service the service
	 * @return the jar
	 */
	Path jar(PlatformService service) {
		Path target = this.root.resolve(service.module()).resolve("target");
		Optional<Path> jar = Optional.empty();
		if (Files.isDirectory(target)) {
			try (Stream<Path> files = Files.list(target)) {
				jar = files.filter((file) -> isExecutableJar(service.module(), file.getFileName().toString()))
					.max(Comparator.comparing(ServiceLauncher::lastModified));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return jar.orElseThrow(() -> new StoreStartException("No jar of " + service.module() + " in " + target
				+ ". Build it first: ./mvnw -B -DskipTests -pl " + service.module() + " -am package"));
	}

	private static boolean isExecutableJar(String module, String name) {
		return name.startsWith(module + "-") && name.endsWith(".jar")
				&& Stream.of("-sources.jar", "-javadoc.jar", "-tests.jar", "-plain.jar").noneMatch(name::endsWith);
	}

	private static String describeListeners(int port) {
		Set<Long> owners = Processes.listenersOn(port);
		if (owners.isEmpty()) {
			return "another process";
		}
		return owners.stream().map((pid) -> "pid " + pid + " (" + Processes.describe(pid) + ")").toList().toString();
	}

	private static void markStartedAgain(PlatformService service, Path log) {
		try {
			if (Files.exists(log) && Files.size(log) > 0) {
				Files.writeString(log, "----- " + service.module() + " started again at " + Instant.now() + " -----\n",
						StandardCharsets.UTF_8, StandardOpenOption.APPEND);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not write to " + log, ex);
		}
	}

	private static FileTime lastModified(Path file) {
		try {
			return Files.getLastModifiedTime(file);
		}
		catch (IOException ex) {
			return FileTime.fromMillis(0);
		}
	}

	private static Path createDirectories(Path dir) {
		try {
			return Files.createDirectories(dir);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
