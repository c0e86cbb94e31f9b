package io.murmur.support.security;

import java.util.List;

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
 * up. The service's OpenAPI document declares the same operations without security, so
 * the two cannot disagree.
 *
 * @param method the HTTP method
 * @param paths the path patterns
 */
public record PublicEndpoints(HttpMethod method, List<String> paths) {

	public PublicEndpoints {
		paths = List.copyOf(paths);
	}

	/**
	 * Public endpoints of one method.
	 * @param method the HTTP method
	 * @param paths the path patterns
	 * @return the public endpoints
	 */
	public static PublicEndpoints of(HttpMethod method, String... paths) {
		return new PublicEndpoints(method, List.of(paths));
	}

	/**
	 * The requests to these endpoints.
	 * @return a matcher of the requests that are public
	 */
	public RequestMatcher matcher() {
		return new OrRequestMatcher(this.paths.stream()
			.<RequestMatcher>map((path) -> PathPatternRequestMatcher.pathPattern(this.method, path))
			.toList());
	}

}
