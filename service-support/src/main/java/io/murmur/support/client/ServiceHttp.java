package io.murmur.support.client;

import java.net.URI;
import java.time.Duration;

import io.micrometer.observation.ObservationRegistry;
import org.apache.hc.core5.util.Timeout;

import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * HTTP clients for one service's calls to another: Apache HttpClient, with a pool of
 * kept-alive connections and each request made on the calling thread.
 * <p>
 * The JDK's client hands every request between its own threads and, for a request with a
 * body, starts a new thread to write it; on a small machine those hand-overs cost more
 * than the call itself.
 */
public final class ServiceHttp {

	/**
	 * Connections kept to one service; a caller beyond them waits, up to the connect
	 * timeout, for one to come free.
	 */
	public static final int MAX_CONNECTIONS_PER_SERVICE = 64;

	private ServiceHttp() {
	}

	/**
	 * A client of one service.
	 * @param baseUrl where the service is
	 * @param connectTimeout how long to wait for a connection, new or from the pool
	 * @param readTimeout how long to wait for the answer
	 * @return the client
	 */
	public static RestClient restClient(URI baseUrl, Duration connectTimeout, Duration readTimeout) {
		return restClient(baseUrl, connectTimeout, readTimeout, ObservationRegistry.NOOP);
	}

	/**
	 * A client of one service whose calls are observed: timed as
	 * {@code http.client.requests}, and, where tracing is on, carrying the caller's trace
	 * context ({@code traceparent}) so that one request is one trace across the services.
	 * @param baseUrl where the service is
	 * @param connectTimeout how long to wait for a connection, new or from the pool
	 * @param readTimeout how long to wait for the answer
	 * @param observations where the calls are observed
	 * @return the client
	 */
	public static RestClient restClient(URI baseUrl, Duration connectTimeout, Duration readTimeout,
			ObservationRegistry observations) {
		ClientHttpRequestFactory requests = ClientHttpRequestFactoryBuilder.httpComponents()
			.withConnectionManagerCustomizer((pool) -> pool.setMaxConnTotal(MAX_CONNECTIONS_PER_SERVICE)
				.setMaxConnPerRoute(MAX_CONNECTIONS_PER_SERVICE))
			.withDefaultRequestConfigCustomizer(
					(request) -> request.setConnectionRequestTimeout(Timeout.of(connectTimeout)))
			.build(HttpClientSettings.defaults().withTimeouts(connectTimeout, readTimeout));
		return RestClient.builder()
			.baseUrl(baseUrl.toString())
			.requestFactory(requests)
			.observationRegistry(observations)
			.build();
	}

}
