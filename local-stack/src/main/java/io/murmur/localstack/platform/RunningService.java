package io.murmur.localstack.platform;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import io.murmur.localstack.process.ManagedProcess;

/**
 * A service process started by the {@link ServiceLauncher}. Its health is its readiness
 * endpoint, which reflects the service's own stores.
 */
public final class RunningService implements AutoCloseable {

	static final String READINESS_PATH = "/actuator/health/readiness";

	private static final Duration PORTS_FREED = Duration.ofSeconds(10);

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final PlatformService service;

	private final ManagedProcess process;

	RunningService(PlatformService service, ManagedProcess process) {
		this.service = service;
		this.process = process;
	}

	public PlatformService service() {
		return this.service;
	}

	public long pid() {
		return this.process.pid();
	}

	/**
	 * Asks the service's readiness endpoint.
	 * @return {@code true} if it answered 200
	 */
	public boolean isHealthy() {
		HttpRequest request = HttpRequest.newBuilder(URI.create(this.service.managementUrl() + READINESS_PATH))
			.timeout(Duration.ofSeconds(3))
			.GET()
			.build();
		try {
			return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
		catch (Exception ex) {
			return false;
		}
	}

	/**
	 * Whether the service's process still lives; it may not be ready yet or any more.
	 * @return {@code true} if it lives
	 */
	public boolean isAlive() {
		return this.process.isAlive();
	}

	/**
	 * Kills the service at once with SIGKILL, as {@code kill -9} does: no grace, no
	 * shutdown hooks, no last words to its clients or its stores. Returns once the
	 * process is gone and its ports are free, so that
	 * {@link ServiceLauncher#start(PlatformService)} can start it again on them.
	 * @throws IllegalStateException if a port still has a listener ten seconds later
	 */
	public void kill() {
		this.process.kill();
		long deadline = System.nanoTime() + PORTS_FREED.toNanos();
		while (listensOnAnyPort()) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException(this.service.module() + " was killed but its ports "
						+ this.service.port() + " and " + this.service.managementPort() + " are still in use");
			}
			try {
				Thread.sleep(20);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Interrupted while " + this.service.module() + " released its ports",
						ex);
			}
		}
	}

	private boolean listensOnAnyPort() {
		return Processes.isListening(this.service.port()) || Processes.isListening(this.service.managementPort());
	}

	void stop() {
		this.process.stop(Duration.ofSeconds(20));
	}

	/**
	 * Stops the service cleanly, forcibly after a grace period.
	 */
	@Override
	public void close() {
		stop();
	}

}
