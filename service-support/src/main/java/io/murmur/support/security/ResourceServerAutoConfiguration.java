package io.murmur.support.security;

import java.net.MalformedURLException;
import java.net.URI;
import java.util.List;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import jakarta.servlet.DispatcherType;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.web.OAuth2ResourceServerWebSecurityAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import io.murmur.support.problem.CommonProblem;
import io.murmur.support.web.Problems;
import io.murmur.support.web.WebSupportAutoConfiguration;

/**
 * The service is an OAuth2 resource server of user-service's access tokens (see
 * {@link AccessTokenValidator}): every request needs a valid token except health, the API
 * docs, the error page and the service's {@link PublicEndpoints}. {@code /internal/**}
 * (never routed by the gateway) accepts a user token or a service token; every other path
 * only a user token, a service token gets 403 there. Tokens are checked against
 * user-service's JWKS ({@code murmur.security.jwt.jwk-set-uri}, fetched and cached by the
 * decoder) unless the service defines its own {@link JwtDecoder}. Sessions, CSRF tokens
 * and form or basic login do not exist; failures answer with problem details and a
 * {@code WWW-Authenticate} header.
 */
@AutoConfiguration(after = WebSupportAutoConfiguration.class,
		before = { ServletWebSecurityAutoConfiguration.class, UserDetailsServiceAutoConfiguration.class,
				OAuth2ResourceServerAutoConfiguration.class, OAuth2ResourceServerWebSecurityAutoConfiguration.class })
@ConditionalOnWebApplication(type = Type.SERVLET)
@EnableConfigurationProperties(JwtProperties.class)
public final class ResourceServerAutoConfiguration {

	private static final Log log = LogFactory.getLog(ResourceServerAutoConfiguration.class);

	/** The authority of requests that carry a user token. */
	static final String USER = "USER";

	/** The authority of requests that carry a service token. */
	static final String SERVICE = "SERVICE";

	@Bean
	@ConditionalOnMissingBean
	JwtDecoder jwtDecoder(JwtProperties properties) {
		URI jwkSetUri = properties.jwkSetUri();
		if (jwkSetUri == null) {
			throw new IllegalStateException(
					"murmur.security.jwt.jwk-set-uri is not set: the service cannot check access tokens");
		}
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(keySource(jwkSetUri, properties.keys()))
			.jwsAlgorithm(SignatureAlgorithm.RS256)
			.build();
		decoder.setJwtValidator(new AccessTokenValidator(properties));
		return decoder;
	}

	/**
	 * user-service's signing keys: fetched again when their refresh time is near, and at
	 * once for a token signed by an unknown key (at most twice a refresh time, so that
	 * made-up key ids cannot hammer user-service), and kept in use through an outage of
	 * user-service.
	 */
	private static JWKSource<SecurityContext> keySource(URI jwkSetUri, JwtProperties.Keys keys) {
		long refresh = keys.refresh().toMillis();
		try {
			return JWKSourceBuilder.<SecurityContext>create(jwkSetUri.toURL())
				.cache(refresh, Math.min(JWKSourceBuilder.DEFAULT_CACHE_REFRESH_TIMEOUT, refresh / 4))
				.refreshAheadCache(Math.min(JWKSourceBuilder.DEFAULT_REFRESH_AHEAD_TIME, refresh / 4), false)
				.rateLimited(Math.min(JWKSourceBuilder.DEFAULT_RATE_LIMIT_MIN_INTERVAL, refresh / 2))
				.outageTolerant(keys.outageTolerance().toMillis())
				.build();
		}
		catch (MalformedURLException ex) {
			throw new IllegalStateException("murmur.security.jwt.jwk-set-uri is not a URL: " + jwkSetUri, ex);
		}
	}

	@Bean
	@ConditionalOnMissingBean(SecurityFilterChain.class)
	SecurityFilterChain securityFilterChain(HttpSecurity http, Problems problems,
			ObjectProvider<PublicEndpoints> publicEndpoints) throws Exception {
		List<RequestMatcher> matchers = publicEndpoints.orderedStream().map(PublicEndpoints::matcher).toList();
		RequestMatcher publicRequests = matchers.isEmpty() ? (request) -> false : new OrRequestMatcher(matchers);
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
				.requestMatchers(publicRequests)
				.permitAll()
				.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/prometheus")
				.permitAll()
				.requestMatchers("/v3/api-docs", "/v3/api-docs/**")
				.permitAll()
				.requestMatchers("/error")
				.permitAll()
				.requestMatchers("/internal/**")
				.hasAnyAuthority(USER, SERVICE)
				.anyRequest()
				.hasAuthority(USER))
			.oauth2ResourceServer((resourceServer) -> resourceServer
				.jwt((jwt) -> jwt.jwtAuthenticationConverter(authenticationConverter()))
				.bearerTokenResolver(bearerTokenResolver(publicRequests))
				.authenticationEntryPoint(entryPoint)
				.accessDeniedHandler(accessDenied)
				.withObjectPostProcessor(new ObjectPostProcessor<BearerTokenAuthenticationFilter>() {
					@Override
					public <O extends BearerTokenAuthenticationFilter> O postProcess(O filter) {
						filter.setAuthenticationFailureHandler(failure(entryPoint, problems));
						return filter;
					}
				}))
			.exceptionHandling(
					(exceptions) -> exceptions.authenticationEntryPoint(entryPoint).accessDeniedHandler(accessDenied));
		return http.build();
	}

	private static JwtAuthenticationConverter authenticationConverter() {
		JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
		converter.setJwtGrantedAuthoritiesConverter((token) -> List.<GrantedAuthority>of(
				new SimpleGrantedAuthority((AccessTokenValidator.serviceClientId(token) != null) ? SERVICE : USER)));
		return converter;
	}

	private static BearerTokenResolver bearerTokenResolver(RequestMatcher publicRequests) {
		DefaultBearerTokenResolver resolver = new DefaultBearerTokenResolver();
		return (request) -> publicRequests.matches(request) ? null : resolver.resolve(request);
	}

	private static AuthenticationEntryPoint unauthorized(Problems problems) {
		BearerTokenAuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();
		return (request, response, ex) -> {
			bearer.commence(request, response, ex);
			String detail = (ex instanceof InvalidBearerTokenException) ? "The access token is invalid or has expired"
					: "This request needs an access token";
			problems.write(request, response, CommonProblem.UNAUTHORIZED, detail);
		};
	}

	/**
	 * A token that could not be checked because the keys could not be fetched
	 * (user-service down, and the keys not yet known) is the service's trouble, not the
	 * client's: 503 problem the client may retry, where Spring would let the exception
	 * become a 500. Every other failure is the client's: 401.
	 */
	private static AuthenticationFailureHandler failure(AuthenticationEntryPoint entryPoint, Problems problems) {
		return (request, response, ex) -> {
			if (ex instanceof AuthenticationServiceException) {
				log.warn("Could not check an access token: " + ex.getMessage());
				response.setHeader(HttpHeaders.RETRY_AFTER, "1");
				problems.write(request, response, CommonProblem.SERVICE_UNAVAILABLE,
						"Access tokens cannot be checked right now; try again later");
				return;
			}
			entryPoint.commence(request, response, ex);
		};
	}

	private static AccessDeniedHandler forbidden(Problems problems) {
		BearerTokenAccessDeniedHandler bearer = new BearerTokenAccessDeniedHandler();
		return (request, response, ex) -> {
			bearer.handle(request, response, ex);
			problems.write(request, response, CommonProblem.FORBIDDEN, "The access token does not allow this request");
		};
	}

}
