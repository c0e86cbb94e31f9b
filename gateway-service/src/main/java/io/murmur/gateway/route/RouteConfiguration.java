package io.murmur.gateway.route;

import java.net.URI;
import java.time.Duration;

import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;

import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4jBulkheadProvider;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4jBulkheadConfigurationBuilder;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JConfigBuilder;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.cloud.gateway.support.RouteMetadataUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

import io.murmur.gateway.config.GatewayProperties;

/**
 * The routes: one per service, with its URL from configuration, a circuit breaker and
 * time limit, retries for GETs only, and a route to each service's OpenAPI document for
 * the aggregated Swagger UI.
 */
@Configuration(proxyBeanMethods = false)
class RouteConfiguration {

	@Bean
	RouteLocator serviceRoutes(RouteLocatorBuilder builder, GatewayProperties properties) {
		RouteLocatorBuilder.Builder routes = builder.routes();
		for (ServiceRoutes route : ServiceRoutes.values()) {
			int order = route.ordinal();
			URI uri = properties.services().get(route.service());
			if (uri == null) {
				continue;
			}
			String name = route.service();
			routes.route(name, (spec) -> spec.order(order)
				.path(route.paths())
				.filters((filters) -> filters
					.circuitBreaker((breaker) -> breaker.setName(name).setFallbackUri("forward:/fallback/" + name))
					.retry((retry) -> retry.setRetries(2)
						.setMethods(HttpMethod.GET)
						.setSeries()
						.setStatuses(HttpStatus.BAD_GATEWAY, HttpStatus.SERVICE_UNAVAILABLE, HttpStatus.GATEWAY_TIMEOUT)
						.setBackoff(Duration.ofMillis(50), Duration.ofMillis(500), 2, true)))
				.metadata(RouteMetadataUtils.RESPONSE_TIMEOUT_ATTR, properties.routeTimeout(name).toMillis())
				.metadata(RouteMetadataUtils.CONNECT_TIMEOUT_ATTR, 2000)
				.uri(uri));
			routes.route(name + "-api-docs", (spec) -> spec.path("/v3/api-docs/" + name)
				.filters((filters) -> filters.setPath("/v3/api-docs")
					.circuitBreaker((breaker) -> breaker.setName(name).setFallbackUri("forward:/fallback/" + name)))
				.uri(uri));
		}
		return routes.build();
	}

	/**
	 * Every route's breaker gives up slightly after the route's response timeout, so a
	 * slow service answers 503 problem+json rather than hanging the client.
	 */
	@Bean
	Customizer<ReactiveResilience4JCircuitBreakerFactory> circuitBreakerDefaults(GatewayProperties properties) {
		return (factory) -> factory.configureDefault((id) -> new Resilience4JConfigBuilder(id)
			.circuitBreakerConfig(CircuitBreakerConfig.custom()
				.slidingWindowSize(20)
				.minimumNumberOfCalls(10)
				.failureRateThreshold(50)
				.waitDurationInOpenState(Duration.ofSeconds(10))
				.build())
			.timeLimiterConfig(
					TimeLimiterConfig.custom().timeoutDuration(properties.routeTimeout(id).plusMillis(500)).build())
			.build());
	}

	/**
	 * Every route's breaker also wraps its calls in a bulkhead, which Spring Cloud
	 * CircuitBreaker limits to 25 concurrent calls unless told otherwise: far below what
	 * a non-blocking gateway carries, so a busy service would get 503s that no timeout or
	 * failure explains. The limit is a configured safety valve instead, and a call over
	 * it is refused at once rather than queued.
	 */
	@Bean
	Customizer<ReactiveResilience4jBulkheadProvider> bulkheadDefaults(GatewayProperties properties) {
		return (provider) -> provider.configureDefault(
				(id) -> new Resilience4jBulkheadConfigurationBuilder()
					.bulkheadConfig(BulkheadConfig.custom()
						.maxConcurrentCalls(properties.maxConcurrentCallsPerRoute())
						.maxWaitDuration(Duration.ZERO)
						.build())
					.build());
	}

}
