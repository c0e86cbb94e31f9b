package io.murmur.localstack.platform;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

import io.murmur.localstack.process.Jdks;
import io.murmur.localstack.platform.PlatformState.Component;
import io.murmur.localstack.platform.PlatformState.Phase;
import io.murmur.localstack.platform.PlatformState.Status;

/**
 * {@code ./platform up}: starts a detached daemon that owns the platform, shows its
 * progress, and waits until everything is healthy. When something fails, it shows which
 * component and the end of its log, makes sure what was started is stopped, and fails.
 */
final class UpCommand {

	static final String DAEMON_LOGBACK = "io/murmur/localstack/platform/daemon-logback.xml";

	private static final List<String> DAEMON_JVM_OPTIONS = List.of("-Xms32m", "-Xmx384m", "-Xss512k",
			"-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "--enable-native-access=ALL-UNNAMED",
			"-Dlogback.configurationFile=" + DAEMON_LOGBACK);

	private static final Duration POLL = Duration.ofMillis(250);

	private static final Duration HEARTBEAT = Duration.ofSeconds(15);

	private static final int LOG_TAIL_LINES = 30;

	private final PlatformHome home;

	private final PrintStream out;

	UpCommand(PlatformHome home, PrintStream out) {
		this.home = home;
		this.out = out;
	}

	int run(Selection selection, Duration timeout, Duration refresh) {
		if (this.home.isDaemonRunning()) {
			this.out.println("The platform already runs.");
			this.out.println();
			return new StatusCommand(this.home, this.out).run();
		}
		this.home.createDirectories();
		Optional<PlatformState> previous = this.home.readState();
		if (previous.isPresent()) {
			new Leftovers(this.home, this.out).sweep(previous.get());
			this.home.deleteState();
		}
		long started = System.nanoTime();
		Process daemon = startDaemon(selection, refresh);
		this.out.println("Starting " + String.join(", ", selection.names()) + " (daemon pid " + daemon.pid() + ", log "
				+ PlatformHome.display(this.home.daemonLog()) + ")");
		return await(daemon, started, timeout);
	}

	private Process startDaemon(Selection selection, Duration refresh) {
		List<String> command = new ArrayList<>();
		findOnPath("setsid").ifPresent((setsid) -> command.add(setsid.toString()));
		command.add(Jdks.INSTANCE.currentJava().toString());
		command.addAll(DAEMON_JVM_OPTIONS);
		command.add("-cp");
		command.add(System.getProperty("java.class.path"));
		command.add(Platform.class.getName());
		command.addAll(List.of("daemon", "--home", this.home.dir().toString(), "--root", this.home.root().toString(),
				"--stores", Selection.ids(selection.stores().stream().map((store) -> store.id()).toList()),
				"--services", Selection.ids(selection.services().stream().map(PlatformService::module).toList()),
				"--refresh", Long.toString(refresh.toSeconds())));
		try {
			return new ProcessBuilder(command).directory(this.home.root().toFile())
				.redirectErrorStream(true)
				.redirectOutput(Redirect.to(this.home.daemonLog().toFile()))
				.redirectInput(Redirect.from(new File("/dev/null")))
				.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start the platform daemon: " + String.join(" ", command), ex);
		}
	}

	private int await(Process daemon, long started, Duration timeout) {
		long deadline = started + timeout.toNanos();
		long nextHeartbeat = started + HEARTBEAT.toNanos();
		Map<String, Status> shown = new HashMap<>();
		while (true) {
			boolean exited = !daemon.isAlive();
			Optional<PlatformState> state = this.home.readState().filter((read) -> read.daemonPid() == daemon.pid());
			if (state.isPresent()) {
				showProgress(state.get(), shown);
				if (state.get().phase() == Phase.RUNNING && state.get().isAllHealthy()) {
					this.out.println();
					this.out.println("Murmur platform is up: " + count(state.get().components().size()) + " healthy in "
							+ StatusTable.duration(Duration.ofNanos(System.nanoTime() - started)) + ".");
					this.out.println();
					StatusTable.print(state.get(), this.out);
					this.out.println();
					this.out.println("./platform status shows health, ./platform logs NAME [-f] a log, "
							+ "./platform down stops everything.");
					return 0;
				}
				if (state.get().phase() == Phase.FAILED) {
					return failed(daemon, state.get());
				}
			}
			if (exited) {
				this.out.println("The platform daemon exited (code " + daemon.exitValue()
						+ ") before the platform was ready. Last lines of "
						+ PlatformHome.display(this.home.daemonLog()) + ":");
				printTail(this.home.daemonLog());
				state.ifPresent((last) -> new Leftovers(this.home, this.out).sweep(last));
				return 1;
			}
			long now = System.nanoTime();
			if (now > deadline) {
				return timedOut(daemon, state, timeout);
			}
			if (now > nextHeartbeat) {
				nextHeartbeat = now + HEARTBEAT.toNanos();
				state
					.ifPresent(
							(current) -> this.out.println("  ... still waiting for "
									+ current.components()
										.stream()
										.filter((component) -> !component.healthy())
										.map(Component::name)
										.toList()
									+ " (" + StatusTable.duration(Duration.ofNanos(now - started)) + ")"));
			}
			Processes.sleep(POLL);
		}
	}

	private void showProgress(PlatformState state, Map<String, Status> shown) {
		for (Component component : state.components()) {
			Status previous = shown.put(component.name(), component.status());
			if (previous == component.status() || component.status() == Status.STARTING) {
				continue;
			}
			if (component.status() == Status.HEALTHY) {
				this.out.printf("  %-22s ready in %s at %s%n", component.name(),
						StatusTable.duration(Duration.ofMillis(component.readyMillis())), component.endpoint());
			}
			else {
				this.out.printf("  %-22s %s%n", component.name(), component.status().id());
			}
		}
	}

	private int failed(Process daemon, PlatformState state) {
		this.out.println();
		this.out.println("The platform did not start: " + state.message());
		for (Component component : state.components()) {
			if (component.status() == Status.FAILED) {
				this.out.println();
				this.out.println(component.name() + " failed:");
				this.out.println(indent(component.error()));
				Path log = Path.of(component.log());
				if (Files.isRegularFile(log)) {
					this.out.println("Last lines of " + PlatformHome.display(log) + ":");
					printTail(log);
				}
				else {
					this.out.println("(" + component.name() + " wrote no log)");
				}
			}
		}
		this.out.println();
		this.out.println("Stopping what was started...");
		awaitExit(daemon, Duration.ofSeconds(60));
		PlatformState last = this.home.readState().orElse(state);
		boolean clean = new Leftovers(this.home, this.out).sweep(last);
		this.out.println(clean ? "Nothing of the platform is left running."
				: "Something of the platform is still running; see above.");
		return 1;
	}

	private int timedOut(Process daemon, Optional<PlatformState> state, Duration timeout) {
		this.out.println();
		this.out.println("The platform was not healthy within " + timeout.toSeconds() + " s.");
		state.ifPresent((current) -> current.components()
			.stream()
			.filter((component) -> !component.healthy())
			.forEach((component) -> {
				this.out.println();
				this.out.println(component.name() + " is " + component.status().id() + ". Last lines of "
						+ PlatformHome.display(Path.of(component.log())) + ":");
				printTail(Path.of(component.log()));
			}));
		this.out.println();
		this.out.println("Stopping what was started...");
		PlatformState last = this.home.readState().filter((read) -> read.daemonPid() == daemon.pid()).orElse(null);
		if (last != null) {
			new DownCommand(this.home, this.out).stop(last, daemon.isAlive());
		}
		else {
			this.out.println("The daemon had not started anything yet. Last lines of "
					+ PlatformHome.display(this.home.daemonLog()) + ":");
			printTail(this.home.daemonLog());
			daemon.destroy();
			awaitExit(daemon, Duration.ofSeconds(60));
			this.out.println("Stopped the daemon (pid " + daemon.pid() + ").");
		}
		return 1;
	}

	private void awaitExit(Process daemon, Duration timeout) {
		try {
			if (!daemon.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
				daemon.destroyForcibly();
				daemon.waitFor(10, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private void printTail(Path log) {
		LogsCommand.tail(log, LOG_TAIL_LINES).forEach((line) -> this.out.println("  | " + line));
	}

	private static String indent(@Nullable String text) {
		if (text == null) {
			return "  (no reason given)";
		}
		List<String> lines = text.lines().toList();
		return String.join("\n",
				lines.subList(0, Math.min(lines.size(), 8)).stream().map((line) -> "  " + line).toList());
	}

	private static String count(int components) {
		return components + ((components == 1) ? " component" : " components");
	}

	private static Optional<Path> findOnPath(String program) {
		String path = System.getenv("PATH");
		if (path == null) {
			return Optional.empty();
		}
		return Stream.of(path.split(File.pathSeparator))
			.filter((dir) -> !dir.isEmpty())
			.map((dir) -> Path.of(dir, program))
			.filter(Files::isExecutable)
			.findFirst();
	}

}
