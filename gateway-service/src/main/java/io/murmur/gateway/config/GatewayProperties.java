package io.murmur.gateway.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Everything the gateway is configured with.
 *
 * @param services base URL of each service behind the gateway, by service name
 * @param jwt how access tokens are checked
 * @param rateLimits the request budgets
 * @param cors the web origins allowed to call the API from a browser
 * @param maxRequestBody the largest request body accepted
 * @param routeTimeout how long a service may take to answer before the gateway gives up
 * @param maxConcurrentCallsPerRoute how many requests one route carries at once; more are
 * answered 503 at once
 * @param routes what differs for one service's route, by service name: the media route
 * carries uploads, larger and slower than any other request
 */
@Validated
@ConfigurationProperties("murmur.gateway")
public record GatewayProperties(@NotEmpty Map<String, URI> services, @Valid @NotNull Jwt jwt,
		@Valid @NotNull RateLimits rateLimits, @Valid @NotNull Cors cors, @NotNull DataSize maxRequestBody,
		@NotNull Duration routeTimeout, @Positive int maxConcurrentCallsPerRoute,
		@Nullable Map<String, @Valid Route> routes) {

	public GatewayProperties {
		routes = (routes != null) ? Map.copyOf(routes) : Map.of();
	}

	/**
	 * The largest request body a path accepts.
	 * @param service the service whose route the path is on, or {@code null}
	 * @return its route's own limit, or the gateway's
	 */
	public DataSize maxRequestBody(@Nullable String service) {
		Route route = (service != null) ? this.routes.get(service) : null;
		return (route != null && route.maxRequestBody() != null) ? route.maxRequestBody() : this.maxRequestBody;
	}

	/**
	 * How long a service's route waits for it.
	 * @param service the service
	 * @return its route's own timeout, or the gateway's
	 */
	public Duration routeTimeout(String service) {
		Route route = this.routes.get(service);
		return (route != null && route.timeout() != null) ? route.timeout() : this.routeTimeout;
	}

	/**
	 * What differs for one service's route.
	 *
	 * @param maxRequestBody the largest request body, instead of the gateway's
	 * @param timeout how long the service may take, instead of the gateway's
	 */
	public record Route(@Nullable DataSize maxRequestBody, @Nullable Duration timeout) {
	}

	/**
	 * @param jwkSetUri where the signing keys are published (user-service's JWKS)
	 * @param issuer the expected {@code iss}
	 * @param audience the expected {@code aud}
	 * @param fetchTimeout how long fetching the keys may take: a request whose token
	 * needs them is answered by then, even when user-service hangs (2 s when not set)
	 */
	public record Jwt(@NotNull URI jwkSetUri, @NotEmpty String issuer, @NotEmpty String audience,
			@Nullable Duration fetchTimeout) {

		public Jwt {
			fetchTimeout = (fetchTimeout != null) ? fetchTimeout : Duration.ofSeconds(2);
		}

	}

	/**
	 * @param auth sign-in and sign-up attempts, per client IP
	 * @param write writes (POST, PUT, PATCH, DELETE), per user
	 * @param read reads, per user
	 * @param anonymous any request without a token, per client IP
	 */
	public record RateLimits(@Valid @NotNull Limit auth, @Valid @NotNull Limit write, @Valid @NotNull Limit read,
			@Valid @NotNull Limit anonymous) {
	}

	/**
	 * @param requests how many requests a window allows
	 * @param window the window length
	 */
	public record Limit(@Positive int requests, @NotNull Duration window) {
	}

	/**
	 * @param allowedOrigins origins a browser may call the API from
	 */
	public record Cors(List<String> allowedOrigins) {

		public Cors {
			allowedOrigins = (allowedOrigins != null) ? List.copyOf(allowedOrigins) : List.of();
		}

	}

}
