package io.murmur.gateway.security;

import java.time.Duration;
import java.util.List;

import io.netty.channel.ChannelOption;
import reactor.netty.http.client.HttpClient;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.server.ResponseStatusException;

import io.murmur.gateway.config.GatewayProperties;
import io.murmur.gateway.web.Problems;

import io.murmur.support.problem.CommonProblem;

/**
 * Checks the access token of every request except the public ones, before any service is
 * called. Tokens are RS256 JWTs signed by user-service; its JWKS is fetched once, cached,
 * and fetched again when a token names a key id the cache does not know (key rotation). A
 * fetch has a deadline: a user-service that hangs must not hold requests open.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class SecurityConfiguration {

	static final String[] PUBLIC_POSTS = { "/api/v1/auth/register", "/api/v1/auth/login", "/api/v1/auth/refresh" };

	static final String[] PUBLIC_GETS = { "/actuator/health", "/actuator/health/**", "/actuator/prometheus",
			"/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**", "/webjars/**" };

	/**
	 * The web client's files (from the web-client jar); everything else it reads goes
	 * through the API with a token.
	 */
	static final String[] WEB_CLIENT = { "/", "/index.html", "/assets/**", "/favicon.svg", "/favicon.ico" };

	@Bean
	SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http) {
		ServerAuthenticationEntryPoint unauthorized = (exchange, ex) -> {
			exchange.getResponse().getHeaders().set("WWW-Authenticate", "Bearer realm=\"murmur\"");
			return Problems.write(exchange,
					Problems.of(CommonProblem.UNAUTHORIZED, "A valid access token is required."));
		};
		ServerAccessDeniedHandler forbidden = (exchange, ex) -> Problems.write(exchange,
				Problems.of(CommonProblem.FORBIDDEN, "This token does not allow that."));
		return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
			.httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
			.formLogin(ServerHttpSecurity.FormLoginSpec::disable)
			.logout(ServerHttpSecurity.LogoutSpec::disable)
			.requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
			.cors((cors) -> {
			})
			.authorizeExchange((exchanges) -> exchanges.pathMatchers(HttpMethod.OPTIONS)
				.permitAll()
				.pathMatchers(HttpMethod.POST, PUBLIC_POSTS)
				.permitAll()
				.pathMatchers(HttpMethod.GET, PUBLIC_GETS)
				.permitAll()
				.pathMatchers(HttpMethod.GET, WEB_CLIENT)
				.permitAll()
				.anyExchange()
				.authenticated())
			.oauth2ResourceServer((server) -> server.jwt((jwt) -> {
			}).authenticationEntryPoint(unauthorized).accessDeniedHandler(forbidden))
			.exceptionHandling(
					(handling) -> handling.authenticationEntryPoint(unauthorized).accessDeniedHandler(forbidden))
			.build();
	}

	/**
	 * Requests the security firewall refuses (an encoded slash, backslash, percent or NUL
	 * in the path, a traversal, a header it cannot accept) get a problem, not a bare 400.
	 * @return the handler
	 */
	@Bean
	ServerExchangeRejectedHandler exchangeRejectedHandler() {
		return (exchange, ex) -> Problems.write(exchange,
				Problems.of(CommonProblem.MALFORMED_REQUEST, "The request path or headers are not accepted."));
	}

	@Bean
	ReactiveJwtDecoder jwtDecoder(GatewayProperties properties) {
		Duration fetchTimeout = properties.jwt().fetchTimeout();
		HttpClient keyFetches = HttpClient.create()
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) fetchTimeout.toMillis())
			.responseTimeout(fetchTimeout);
		NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder
			.withJwkSetUri(properties.jwt().jwkSetUri().toString())
			.jwsAlgorithm(SignatureAlgorithm.RS256)
			.webClient(WebClient.builder()
				.clientConnector(new ReactorClientHttpConnector(keyFetches))
				// once more: a kept-alive connection may have been closed under it
				.filter((request, next) -> next.exchange(request).retry(1))
				.build())
			.build();
		OAuth2TokenValidator<Jwt> audience = new JwtClaimValidator<List<String>>("aud",
				(aud) -> aud != null && aud.contains(properties.jwt().audience()));
		decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
				JwtValidators.createDefaultWithIssuer(properties.jwt().issuer()), audience));
		// The keys could not be fetched: the token may well be good, so the client is
		// told to try again (503), not that its token is bad (401) nor that something
		// broke (500).
		return (token) -> decoder.decode(token)
			.onErrorMap(IllegalStateException.class, (ex) -> new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE,
					"Signing keys unavailable", ex));
	}

	@Bean
	CorsConfigurationSource corsConfigurationSource(GatewayProperties properties) {
		CorsConfiguration cors = new CorsConfiguration();
		cors.setAllowedOrigins(properties.cors().allowedOrigins());
		cors.setAllowedMethods(List.of("GET", "POST", "PATCH", "PUT", "DELETE", "OPTIONS"));
		cors.setAllowedHeaders(List.of("Authorization", "Content-Type", "X-Request-Id", "traceparent"));
		cors.setExposedHeaders(List.of("X-Request-Id", "Retry-After", "X-RateLimit-Limit", "X-RateLimit-Remaining"));
		cors.setMaxAge(3600L);
		UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
		source.registerCorsConfiguration("/**", cors);
		return source;
	}

}
