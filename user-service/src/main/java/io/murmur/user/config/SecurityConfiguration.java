package io.murmur.user.config;

import jakarta.servlet.DispatcherType;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import io.murmur.user.web.ProblemType;
import io.murmur.user.web.Problems;

/**
 * The service is an OAuth2 resource server of its own tokens: every request needs a valid
 * access token except the authentication endpoints, the JWKS, health and the API docs.
 * Tokens are checked in process against the service's own public keys (see the
 * {@code JwtDecoder} bean). Sessions, CSRF tokens and form or basic login do not exist;
 * failures answer with problem details and a {@code WWW-Authenticate} header.
 * <p>
 * A bearer token sent to a public authentication endpoint is ignored rather than checked,
 * so that a client holding an expired access token can still refresh or log in.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	private static final RequestMatcher AUTHENTICATION_ENDPOINTS = new OrRequestMatcher(
			PathPatternRequestMatcher.pathPattern(HttpMethod.POST, "/api/v1/auth/register"),
			PathPatternRequestMatcher.pathPattern(HttpMethod.POST, "/api/v1/auth/login"),
			PathPatternRequestMatcher.pathPattern(HttpMethod.POST, "/api/v1/auth/refresh"));

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, Problems problems) throws Exception {
		AuthenticationEntryPoint entryPoint = unauthorized(problems);
		AccessDeniedHandler accessDenied = forbidden(problems);
		http.csrf(AbstractHttpConfigurer::disable)
			.httpBasic(AbstractHttpConfigurer::disable)
			.formLogin(AbstractHttpConfigurer::disable)
			.logout(AbstractHttpConfigurer::disable)
			.requestCache(AbstractHttpConfigurer::disable)
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.authorizeHttpRequests((requests) -> requests.dispatcherTypeMatchers(DispatcherType.ERROR)
				.permitAll()
				.requestMatchers(AUTHENTICATION_ENDPOINTS)
				.permitAll()
				.requestMatchers(HttpMethod.GET, "/.well-known/jwks.json")
				.permitAll()
				.requestMatchers("/actuator/health", "/actuator/health/**")
				.permitAll()
				.requestMatchers("/v3/api-docs", "/v3/api-docs/**")
				.permitAll()
				.requestMatchers("/error")
				.permitAll()
				.anyRequest()
				.authenticated())
			.oauth2ResourceServer((resourceServer) -> resourceServer.jwt(Customizer.withDefaults())
				.bearerTokenResolver(bearerTokenResolver())
				.authenticationEntryPoint(entryPoint)
				.accessDeniedHandler(accessDenied))
			.exceptionHandling(
					(exceptions) -> exceptions.authenticationEntryPoint(entryPoint).accessDeniedHandler(accessDenied));
		return http.build();
	}

	private static BearerTokenResolver bearerTokenResolver() {
		DefaultBearerTokenResolver resolver = new DefaultBearerTokenResolver();
		return (request) -> AUTHENTICATION_ENDPOINTS.matches(request) ? null : resolver.resolve(request);
	}

	private static AuthenticationEntryPoint unauthorized(Problems problems) {
		BearerTokenAuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();
		return (request, response, ex) -> {
			bearer.commence(request, response, ex);
			String detail = (ex instanceof InvalidBearerTokenException) ? "The access token is invalid or has expired"
					: "This request needs an access token";
			problems.write(request, response, ProblemType.UNAUTHORIZED, detail);
		};
	}

	private static AccessDeniedHandler forbidden(Problems problems) {
		BearerTokenAccessDeniedHandler bearer = new BearerTokenAccessDeniedHandler();
		return (request, response, ex) -> {
			bearer.handle(request, response, ex);
			problems.write(request, response, ProblemType.FORBIDDEN, "The access token does not allow this request");
		};
	}

}
