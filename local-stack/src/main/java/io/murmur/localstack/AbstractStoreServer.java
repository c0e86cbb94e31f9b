package io.murmur.localstack;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.function.Supplier;

import io.murmur.localstack.process.ManagedProcess;
import io.murmur.localstack.process.RestartableProcess;
import io.murmur.localstack.process.RestartableProcess.Stopper;

/**
 * A store whose server is one process that can be stopped and launched again: what
 * {@link #stop()}, {@link #restart()}, {@link #isRunning()}, {@link #pid()} and
 * {@link #isHealthy()} do is the same for every store. Each store says how its process is
 * launched, how it is stopped and how a client call proves that it answers.
 */
public abstract class AbstractStoreServer implements StoreServer {

	private final RestartableProcess process;

	/**
	 * Prepares the process; {@link #startProcess()} launches it.
	 * @param name the store and where it listens, for messages
	 * @param launcher launches the store's command, the same one on every call
	 * @param readyTimeout how long a start or restart may take until the store answers
	 * @param stopper how the store's process is stopped
	 */
	protected AbstractStoreServer(String name, Supplier<ManagedProcess> launcher, Duration readyTimeout,
			Stopper stopper) {
		this.process = new RestartableProcess(name, launcher, readyTimeout, this::answers, stopper);
	}

	/**
	 * Launches the store's process for the first time and waits until it answers.
	 * @throws StoreStartException if it does not answer in time
	 */
	protected final void startProcess() {
		this.process.start();
	}

	/**
	 * A real call through the store's own client, whether its process runs or not.
	 * @return {@code true} if the store answered as a ready store does
	 * @throws Exception if the call failed, which means the same as {@code false}
	 */
	protected abstract boolean answers() throws Exception;

	/**
	 * Whether the store runs and {@link #answers() answers} a real client call;
	 * {@code false} while it is stopped.
	 * @return {@code true} if it answered
	 */
	@Override
	public boolean isHealthy() {
		if (!this.process.isRunning()) {
			return false;
		}
		try {
			return answers();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
		catch (Exception ex) {
			return false;
		}
	}

	@Override
	public void stop() {
		this.process.stop();
	}

	@Override
	public void restart() {
		this.process.restart();
	}

	@Override
	public boolean isRunning() {
		return this.process.isRunning();
	}

	@Override
	public long pid() {
		return this.process.pid();
	}

	/**
	 * A cheap first check before a client call: whether a local port accepts a TCP
	 * connection within a second. Building a store's client (a driver session, an admin
	 * client) while nothing listens yet costs seconds of CPU on two cores and logs its
	 * failure.
	 * @param port the store's port on the loopback address
	 * @return whether it accepts connections
	 */
	protected static boolean acceptsConnections(int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	/**
	 * Stops the store's process for good.
	 * @return {@code true} if this call closed it and its last stop was clean, so that
	 * the store's data may be removed
	 */
	protected final boolean closeProcess() {
		return this.process.close();
	}

}
