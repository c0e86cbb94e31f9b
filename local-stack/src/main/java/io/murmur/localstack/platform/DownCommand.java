package io.murmur.localstack.platform;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.murmur.localstack.platform.PlatformState.Component;

/**
 * {@code ./platform down}: stops the daemon with SIGTERM, so that it stops everything
 * cleanly, kills it if it does not stop in time (its watchdog then stops the stores), and
 * checks that no process and no port of the platform is left.
 */
final class DownCommand {

	private static final Duration DAEMON_STOP_TIMEOUT = Duration.ofSeconds(60);

	private static final Duration STATE_WAIT = Duration.ofSeconds(10);

	private final PlatformHome home;

	private final PrintStream out;

	DownCommand(PlatformHome home, PrintStream out) {
		this.home = home;
		this.out = out;
	}

	int run() {
		boolean running = this.home.isDaemonRunning();
		Optional<PlatformState> state = this.home.readState();
		long deadline = System.nanoTime() + STATE_WAIT.toNanos();
		while (running && state.isEmpty() && System.nanoTime() < deadline) {
			Processes.sleep(Duration.ofMillis(200));
			state = this.home.readState();
			running = this.home.isDaemonRunning();
		}
		if (state.isEmpty()) {
			if (running) {
				this.out.println("A platform daemon holds the lock in " + PlatformHome.display(this.home.dir())
						+ " but published no state; cannot tell which process it is.");
				return 1;
			}
			this.out.println("The platform is not running.");
			return 0;
		}
		return stop(state.get(), running) ? 0 : 1;
	}

	/**
	 * Stops a daemon and verifies that nothing it started is left, then removes its
	 * state.
	 * @param state the daemon's latest state
	 * @param running whether the daemon still runs
	 * @return {@code true} if nothing is left
	 */
	boolean stop(PlatformState state, boolean running) {
		long started = System.nanoTime();
		Optional<ProcessHandle> daemon = running ? ProcessHandle.of(state.daemonPid()) : Optional.empty();
		if (daemon.isPresent()) {
			this.out.println("Stopping the platform (daemon pid " + state.daemonPid() + ")...");
			stopDaemon(daemon.get());
		}
		else {
			this.out.println("The platform daemon (pid " + state.daemonPid()
					+ ") is not running; checking that nothing it started is left...");
		}
		boolean clean = new Leftovers(this.home, this.out).sweep(state);
		this.home.deleteState();
		if (daemon.isPresent()) {
			this.out.println("Stopped in " + StatusTable.duration(Duration.ofNanos(System.nanoTime() - started)) + ":");
			for (Component component : state.components()) {
				this.out.printf("  %-22s %-8s %s%n", component.name(), component.kind().id(),
						(component.pid() > 0) ? "pid " + component.pid() : "(was " + component.status().id() + ")");
			}
			this.out.printf("  %-22s %-8s pid %d%n", "daemon", "", state.daemonPid());
		}
		if (clean) {
			this.out.println("No process of the platform is left and none of its ports is in use.");
		}
		else {
			this.out.println("Something of the platform is still running; see the messages above.");
		}
		return clean;
	}

	private void stopDaemon(ProcessHandle daemon) {
		daemon.destroy();
		if (!Processes.awaitExit(List.of(daemon), DAEMON_STOP_TIMEOUT)) {
			this.out.println("The daemon did not stop within " + DAEMON_STOP_TIMEOUT.toSeconds()
					+ " s; killing it (its watchdog stops the stores).");
			daemon.destroyForcibly();
			Processes.awaitExit(List.of(daemon), Duration.ofSeconds(10));
		}
	}

}
