package io.murmur.acceptance;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.murmur.reliability.openapi.ApiDocuments;
import io.murmur.reliability.openapi.Operation;

/**
 * The services of the running platform, each with its own URL and the operations its
 * OpenAPI document publishes.
 */
final class ServiceDocuments {

	private ServiceDocuments() {
	}

	/** Each service's own URL, by service name. */
	static Map<String, String> urls(MurmurPlatform platform) {
		Map<String, String> urls = new LinkedHashMap<>();
		urls.put("user", platform.userServiceUrl());
		urls.put("graph", platform.graphServiceUrl());
		urls.put("post", platform.postServiceUrl());
		urls.put("media", platform.mediaServiceUrl());
		urls.put("feed", platform.feedServiceUrl());
		urls.put("notification", platform.notificationServiceUrl());
		urls.put("search", platform.searchServiceUrl());
		return urls;
	}

	/**
	 * The operations of every service, read from {@code /v3/api-docs} of each.
	 * @param platform the platform
	 * @return the operations
	 */
	static List<Operation> operations(MurmurPlatform platform) {
		return ApiDocuments.fetch(urls(platform));
	}

}
