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
