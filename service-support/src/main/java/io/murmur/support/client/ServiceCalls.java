package io.murmur.support.client;

import java.net.URI;

import io.micrometer.observation.ObservationRegistry;

import org.springframework.web.client.RestClient;

/**
 * Clients of the other services, by name, with the shared timeouts of
 * {@link ServiceCallProperties}. A bean of every service.
 */
public final class ServiceCalls {

	private final ServiceCallProperties properties;

	private final ObservationRegistry observations;

	/**
	 * Creates the clients of the services the properties name, unobserved.
	 * @param properties where the services are and how long a call may take
	 */
	public ServiceCalls(ServiceCallProperties properties) {
		this(properties, ObservationRegistry.NOOP);
	}

	/**
	 * Creates the clients of the services the properties name, whose calls are timed and
	 * carry the trace context.
	 * @param properties where the services are and how long a call may take
	 * @param observations where the calls are observed
	 */
	public ServiceCalls(ServiceCallProperties properties, ObservationRegistry observations) {
		this.properties = properties;
		this.observations = observations;
	}

	/**
	 * A client of one service; build it once and keep it, as it holds a connection pool.
	 * @param service the service's name, such as {@code user}
	 * @return the client
	 * @throws IllegalStateException if no URL is configured for it
	 */
	public RestClient client(String service) {
		return ServiceHttp.restClient(url(service), this.properties.connectTimeout(), this.properties.timeout(),
				this.observations);
	}

	/**
	 * Where a service is.
	 * @param service the service's name, such as {@code user}
	 * @return its base URL
	 * @throws IllegalStateException if no URL is configured for it
	 */
	public URI url(String service) {
		URI url = this.properties.urls().get(service);
		if (url == null) {
			throw new IllegalStateException("No URL for " + service + "-service: set murmur.services.urls." + service
					+ " (MURMUR_" + service.toUpperCase(java.util.Locale.ROOT) + "_SERVICE_URL)");
		}
		return url;
	}

}
