package io.murmur.localstack.process;

import java.time.Duration;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.murmur.localstack.process.ManagedProcess.ReadinessProbe;

/**
 * The process of a store that can be stopped and launched again, by the same command, on
 * the same ports and with the same data, until it is closed for good.
 * <p>
 * This is what lets a test or a fault-injection run take a store away from services that
 * keep their connection settings, and give it back so that they reconnect. Whatever a
 * store prepares once (free ports, configuration, a formatted or copied data directory)
 * happens before the first {@link #start()}; the launcher given here only launches.
 */
public final class RestartableProcess {

	private static final Logger logger = LoggerFactory.getLogger(RestartableProcess.class);

	private final String name;

	private final Supplier<ManagedProcess> launcher;

	private final Duration readyTimeout;

	private final ReadinessProbe probe;

	private final Stopper stopper;

	private volatile @Nullable ManagedProcess process;

	private volatile long lastPid = -1;

	private volatile State state = State.STOPPED;

	private boolean stoppedCleanly = true;

	/**
	 * Creates a process that is not launched yet.
	 * @param name the store's name, for messages
	 * @param launcher launches the store's command once more, on every call
	 * @param readyTimeout how long a start or restart may take until the probe succeeds
	 * @param probe a real client call that succeeds once the store answers
	 * @param stopper how the store's process is stopped
	 */
	public RestartableProcess(String name, Supplier<ManagedProcess> launcher, Duration readyTimeout,
			ReadinessProbe probe, Stopper stopper) {
		this.name = name;
		this.launcher = launcher;
		this.readyTimeout = readyTimeout;
		this.probe = probe;
		this.stopper = stopper;
	}

	/**
	 * Launches the process unless it runs, and waits until the probe succeeds. If it does
	 * not, the process is stopped and the failure, with the end of the log, is thrown.
	 */
	public synchronized void start() {
		assertNotClosed();
		if (this.state == State.RUNNING) {
			return;
		}
		ManagedProcess started = this.launcher.get();
		this.process = started;
		this.lastPid = started.pid();
		try {
			started.awaitReady(this.readyTimeout, this.probe);
		}
		catch (RuntimeException ex) {
			this.process = null;
			started.stop(Duration.ofSeconds(5));
			throw ex;
		}
		this.state = State.RUNNING;
	}

	/**
	 * Stops the process, if it runs, and keeps everything else for {@link #start()} or
	 * {@link #restart()}. Doing so twice does nothing more.
	 * @throws IllegalStateException if the process is closed
	 */
	public synchronized void stop() {
		assertNotClosed();
		ManagedProcess running = this.process;
		this.state = State.STOPPED;
		this.process = null;
		if (running != null) {
			long stoppingAt = System.nanoTime();
			this.stoppedCleanly = this.stopper.stop(running);
			logger.info("{} stopped{} in {} ms (pid {})", this.name, this.stoppedCleanly ? "" : " forcibly",
					(System.nanoTime() - stoppingAt) / 1_000_000, running.pid());
		}
	}

	/**
	 * Stops the process if it runs, launches it again and waits until it answers.
	 * @throws IllegalStateException if the process is closed
	 */
	public synchronized void restart() {
		stop();
		long startingAt = System.nanoTime();
		start();
		logger.info("{} restarted: ready again in {} ms (pid {})", this.name,
				(System.nanoTime() - startingAt) / 1_000_000, pid());
	}

	/**
	 * Whether the process was started, has not been stopped since and still lives. It may
	 * not answer yet, or any more: that is what a store's health says.
	 * @return {@code true} if it runs
	 */
	public boolean isRunning() {
		ManagedProcess running = this.process;
		return this.state == State.RUNNING && running != null && running.isAlive();
	}

	/**
	 * The pid of the process, or of the last one while it is stopped.
	 * @return the pid, or -1 before the first launch
	 */
	public long pid() {
		ManagedProcess running = this.process;
		return (running != null) ? running.pid() : this.lastPid;
	}

	/**
	 * Stops the process for good; later calls do nothing.
	 * @return {@code true} if this call closed it and its last stop was clean, so that
	 * the caller may remove its data
	 */
	public synchronized boolean close() {
		if (this.state == State.CLOSED) {
			return false;
		}
		stop();
		this.state = State.CLOSED;
		return this.stoppedCleanly;
	}

	private void assertNotClosed() {
		if (this.state == State.CLOSED) {
			throw new IllegalStateException(this.name + " is closed");
		}
	}

	/**
	 * How a store's process is stopped.
	 */
	@FunctionalInterface
	public interface Stopper {

		/**
		 * Stops the process and returns once it has ended.
		 * @param process the running process
		 * @return whether it ended cleanly, leaving data that is safe to remove
		 */
		boolean stop(ManagedProcess process);

		/**
		 * SIGTERM to the process and its descendants, SIGKILL to what still runs after
		 * the grace period.
		 * @param grace how long a clean stop may take
		 * @return the stopper
		 */
		static Stopper terminate(Duration grace) {
			return (process) -> {
				process.stop(grace);
				return true;
			};
		}

	}

	private enum State {

		RUNNING, STOPPED, CLOSED

	}

}
