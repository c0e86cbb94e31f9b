package io.murmur.gateway.stream;

import java.net.URI;

import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.cloud.gateway.support.RouteMetadataUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

import io.murmur.gateway.config.GatewayProperties;

/**
 * The route of {@code GET /api/v1/notifications/stream}, ahead of notification-service's
 * other routes. A stream lasts as long as the client reads it, so unlike the other routes
 * it has no response timeout, no circuit breaker (whose time limit would end it) and no
 * retries; server-sent events pass through unbuffered, each written as it arrives.
 * {@link StreamSlots} caps the streams per user. The rate limit counts the request that
 * opens a stream once, however long it stays open.
 */
@Configuration(proxyBeanMethods = false)
class NotificationStreamRouteConfiguration {

	static final String PATH = "/api/v1/notifications/stream";

	@Bean
	RouteLocator notificationStreamRoute(RouteLocatorBuilder builder, GatewayProperties properties, StreamSlots slots) {
		RouteLocatorBuilder.Builder routes = builder.routes();
		URI uri = properties.services().get("notification");
		if (uri != null) {
			routes.route("notification-stream",
					(spec) -> spec.order(-1)
						.path(PATH)
						.and()
						.method(HttpMethod.GET)
						.filters((filters) -> filters.filter(slots))
						.metadata(RouteMetadataUtils.RESPONSE_TIMEOUT_ATTR, -1L)
						.metadata(RouteMetadataUtils.CONNECT_TIMEOUT_ATTR, 2000)
						.uri(uri));
		}
		return routes.build();
	}

}
