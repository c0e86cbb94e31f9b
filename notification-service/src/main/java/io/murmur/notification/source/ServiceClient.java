package io.murmur.notification.source;

import java.util.function.Function;

import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;

import io.murmur.support.client.ServiceCalls;
import io.murmur.support.client.ServiceTokens;

/**
 * A client of one other service that calls it with notification-service's own service
 * token. A token the service refuses (401, as after a key rotation) is forgotten, so that
 * the next call gets a new one.
 */
final class ServiceClient {

	private final RestClient client;

	private final ServiceTokens tokens;

	ServiceClient(ServiceCalls services, String service, ServiceTokens tokens) {
		this.client = services.client(service);
		this.tokens = tokens;
	}

	<T> T call(Function<RestClient, RestClient.RequestHeadersSpec<?>> request, Class<T> answer) {
		String token = this.tokens.accessToken();
		try {
			T body = request.apply(this.client).header("Authorization", "Bearer " + token).retrieve().body(answer);
			if (body == null) {
				throw new IllegalStateException("The service answered without a body");
			}
			return body;
		}
		catch (HttpClientErrorException.Unauthorized ex) {
			this.tokens.invalidate(token);
			throw ex;
		}
	}

}
