package io.murmur.localstack.platform;

import java.util.List;

import io.murmur.localstack.Store;

/**
 * The services {@code ./platform up} runs, in start order. Adding a service is one line,
 * for example
 * {@code PlatformService.of("user-service", 8081, Store.POSTGRES, Store.KAFKA)}, or with
 * {@code .withProperty(key, value)} for what the stores do not provide, such as another
 * service's URL, and {@code .asServiceClient()} for a service that calls other services'
 * {@code /internal/**} endpoints with a service token of its own (see
 * {@link ServiceClients}). The service's module must build an executable Spring Boot jar
 * and expose {@code /actuator/health/readiness}.
 */
final class PlatformServices {

	/** The gateway is the one public entry and always listens on 8080. */
	static final int GATEWAY_PORT = 8080;

	static final int USER_SERVICE_PORT = 8081;

	static final int GRAPH_SERVICE_PORT = 8082;

	static final int POST_SERVICE_PORT = 8083;

	static final int MEDIA_SERVICE_PORT = 8084;

	static final int FEED_SERVICE_PORT = 8085;

	static final int NOTIFICATION_SERVICE_PORT = 8086;

	static final int SEARCH_SERVICE_PORT = 8087;

	static final List<PlatformService> ALL = List.of(
			PlatformService.of("user-service", USER_SERVICE_PORT, Store.KAFKA).withDatabase("murmur_user"),
			PlatformService.of("graph-service", GRAPH_SERVICE_PORT, Store.NEO4J, Store.KAFKA),
			PlatformService.of("post-service", POST_SERVICE_PORT, Store.CASSANDRA, Store.KAFKA).asServiceClient(),
			PlatformService.of("feed-service", FEED_SERVICE_PORT, Store.REDIS, Store.KAFKA).asServiceClient(),
			PlatformService.of("search-service", SEARCH_SERVICE_PORT, Store.ELASTICSEARCH, Store.KAFKA)
				.asServiceClient(),
			PlatformService.of("media-service", MEDIA_SERVICE_PORT, Store.S3, Store.KAFKA).withDatabase("murmur_media"),
			PlatformService.of("notification-service", NOTIFICATION_SERVICE_PORT, Store.KAFKA)
				.withDatabase("murmur_notification")
				.asServiceClient(),
			PlatformService.of("gateway-service", GATEWAY_PORT, Store.REDIS)
				.withProperty("murmur.gateway.services.user", "http://127.0.0.1:" + USER_SERVICE_PORT)
				.withProperty("murmur.gateway.services.graph", "http://127.0.0.1:" + GRAPH_SERVICE_PORT)
				.withProperty("murmur.gateway.services.post", "http://127.0.0.1:" + POST_SERVICE_PORT)
				.withProperty("murmur.gateway.services.feed", "http://127.0.0.1:" + FEED_SERVICE_PORT)
				.withProperty("murmur.gateway.services.search", "http://127.0.0.1:" + SEARCH_SERVICE_PORT)
				.withProperty("murmur.gateway.services.media", "http://127.0.0.1:" + MEDIA_SERVICE_PORT)
				.withProperty("murmur.gateway.services.notification", "http://127.0.0.1:" + NOTIFICATION_SERVICE_PORT));

	private PlatformServices() {
	}

}
