package io.murmur.feed.source;

import java.net.http.HttpClient;

import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

import io.murmur.feed.config.FeedProperties;

/**
 * The HTTP clients of the services feeds are built from.
 */
final class Sources {

	private Sources() {
	}

	static RestClient client(FeedProperties.Services services, java.net.URI baseUrl) {
		HttpClient http = HttpClient.newBuilder().connectTimeout(services.connectTimeout()).build();
		JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(http);
		requests.setReadTimeout(services.readTimeout());
		return RestClient.builder().baseUrl(baseUrl.toString()).requestFactory(requests).build();
	}

}
