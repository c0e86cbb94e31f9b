package io.murmur.feed.source;

import org.springframework.web.client.RestClient;

import io.murmur.feed.config.FeedProperties;
import io.murmur.support.client.ServiceHttp;

/**
 * The HTTP clients of the services feeds are built from.
 */
final class Sources {

	private Sources() {
	}

	static RestClient client(FeedProperties.Services services, java.net.URI baseUrl) {
		return ServiceHttp.restClient(baseUrl, services.connectTimeout(), services.readTimeout());
	}

}
