package io.murmur.user.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

import io.murmur.support.security.PublicEndpoints;

/**
 * The endpoints of user-service that need no access token, beside health and the API
 * docs: registration, login and refresh (a bearer token sent there is ignored, so that a
 * client holding an expired access token can still log in), the JWKS, and the token
 * endpoint of service clients, which authenticate with their client credentials instead.
 * Everything else is the resource server of service-support, checking the service's own
 * tokens in process (see the {@code JwtDecoder} bean).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	@Bean
	PublicEndpoints authenticationEndpoints() {
		return PublicEndpoints.of(HttpMethod.POST, "/api/v1/auth/register", "/api/v1/auth/login",
				"/api/v1/auth/refresh", "/internal/oauth2/token");
	}

	@Bean
	PublicEndpoints jwksEndpoint() {
		return PublicEndpoints.of(HttpMethod.GET, "/.well-known/jwks.json");
	}

}
