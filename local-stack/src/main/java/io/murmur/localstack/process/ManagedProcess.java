package io.murmur.localstack.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

import io.murmur.localstack.StoreStartException;

/**
 * A store process started by a {@link ProcessSupervisor}: its output goes to a log file
 * and it is tracked by the owner's watchdog until it stops.
 */
public final class ManagedProcess {

	private final String name;

	private final Process process;

	private final Path logFile;

	private final ProcessSupervisor supervisor;

	ManagedProcess(String name, Process process, Path logFile, ProcessSupervisor supervisor) {
		this.name = name;
		this.process = process;
		this.logFile = logFile;
		this.supervisor = supervisor;
	}

	public long pid() {
		return this.process.pid();
	}

	public boolean isAlive() {
		return this.process.isAlive();
	}

	public Path logFile() {
		return this.logFile;
	}

	/**
	 * Waits until the probe succeeds. Fails fast, with the end of the log, if the process
	 * exits first or the timeout passes.
	 * @param timeout how long to wait at most
	 * @param probe a real client call; an exception or {@code false} means not ready yet
	 */
	public void awaitReady(Duration timeout, ReadinessProbe probe) {
		long deadline = System.nanoTime() + timeout.toNanos();
		Exception lastFailure = null;
		while (System.nanoTime() < deadline) {
			if (!this.process.isAlive()) {
				throw new StoreStartException(this.name + " exited with code " + this.process.exitValue()
						+ " before it was ready. Last lines of " + this.logFile + ":\n" + logTail(40));
			}
			try {
				if (probe.isReady()) {
					return;
				}
			}
			catch (Exception ex) {
				lastFailure = ex;
			}
			sleep(Duration.ofMillis(200));
		}
		stop(Duration.ofSeconds(5));
		throw new StoreStartException(this.name + " was not ready within " + timeout.toSeconds() + " s"
				+ ((lastFailure != null) ? " (last probe: " + lastFailure + ")" : "") + ". Last lines of "
				+ this.logFile + ":\n" + logTail(40), lastFailure);
	}

	/**
	 * Waits for a process that ends by itself, such as a setup step or a store shutting
	 * down after a signal. Once it has ended, the watchdog stops tracking its pid, which
	 * the system may give to another process.
	 * @param timeout how long to wait at most
	 * @return the exit code, or empty if the process still runs
	 */
	public OptionalInt waitFor(Duration timeout) {
		try {
			if (!this.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
				return OptionalInt.empty();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return OptionalInt.empty();
		}
		this.supervisor.forget(pid());
		return OptionalInt.of(this.process.exitValue());
	}

	/**
	 * Asks the process and its descendants to stop (SIGTERM), then kills whatever still
	 * runs after the grace period.
	 * @param grace how long a clean stop may take
	 */
	public void stop(Duration grace) {
		List<ProcessHandle> tree = new ArrayList<>();
		tree.add(this.process.toHandle());
		this.process.descendants().forEach(tree::add);
		this.process.destroy();
		try {
			if (!this.process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
				this.process.destroyForcibly();
				this.process.waitFor(5, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.process.destroyForcibly();
		}
		for (ProcessHandle handle : tree) {
			if (handle.isAlive()) {
				handle.destroy();
			}
		}
		long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
		while (tree.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < deadline) {
			sleep(Duration.ofMillis(100));
		}
		tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
		this.supervisor.forget(pid());
	}

	/**
	 * Kills the process and its descendants at once with SIGKILL, as {@code kill -9}
	 * does: no grace, no shutdown hooks. Returns once they are all gone.
	 * @throws IllegalStateException if one of them is still there after ten seconds
	 */
	public void kill() {
		List<ProcessHandle> tree = new ArrayList<>();
		tree.add(this.process.toHandle());
		this.process.descendants().forEach(tree::add);
		tree.forEach(ProcessHandle::destroyForcibly);
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (tree.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < deadline) {
			sleep(Duration.ofMillis(20));
		}
		List<Long> survivors = tree.stream().filter(ProcessHandle::isAlive).map(ProcessHandle::pid).toList();
		if (!survivors.isEmpty()) {
			throw new IllegalStateException(this.name + " survived SIGKILL: pids " + survivors);
		}
		this.supervisor.forget(pid());
	}

	/**
	 * The last lines of the log, for error messages.
	 * @param lines how many lines
	 * @return the lines, joined
	 */
	public String logTail(int lines) {
		try {
			List<String> all = Files.readAllLines(this.logFile, StandardCharsets.UTF_8);
			return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
		}
		catch (IOException ex) {
			return "(log not readable: " + ex.getMessage() + ")";
		}
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new StoreStartException("Interrupted while waiting for a store", ex);
		}
	}

	/**
	 * A readiness check through the store's own client.
	 */
	@FunctionalInterface
	public interface ReadinessProbe {

		boolean isReady() throws Exception;

	}

}
