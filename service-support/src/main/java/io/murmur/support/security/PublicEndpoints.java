package io.murmur.support.security;

import java.util.Arrays;

import org.springframework.http.HttpMethod;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Endpoints of a service that need no access token, beyond health, the API docs and the
 * error page, which are always public. A bearer token sent to one is ignored rather than
 * checked, so that a client holding an expired token can still log in. A service declares
 * them as a bean, for example
 * {@code PublicEndpoints.of(HttpMethod.POST, "/api/v1/auth/login")}; several beans add
 * up.
 *
 * @param matcher the requests that are public
 */
public record PublicEndpoints(RequestMatcher matcher) {

	/**
	 * Public endpoints of one method.
	 * @param method the HTTP method
	 * @param paths the path patterns
	 * @return the public endpoints
	 */
	public static PublicEndpoints of(HttpMethod method, String... paths) {
		return new PublicEndpoints(new OrRequestMatcher(Arrays.stream(paths)
			.<RequestMatcher>map((path) -> PathPatternRequestMatcher.pathPattern(method, path))
			.toList()));
	}

}
