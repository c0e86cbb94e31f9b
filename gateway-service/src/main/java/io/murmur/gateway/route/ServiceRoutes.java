package io.murmur.gateway.route;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Which public paths belong to which service. Only {@code /api/v1/**} paths appear here:
 * {@code /internal/**} and the services' actuator endpoints are never routed. More
 * specific paths come first because the first matching route wins.
 */
public enum ServiceRoutes {

	GRAPH("graph", "/api/v1/users/{id}/follow", "/api/v1/users/{id}/followers", "/api/v1/users/{id}/following",
			"/api/v1/relationships"),

	POST("post", "/api/v1/posts", "/api/v1/posts/**", "/api/v1/users/{id}/posts"),

	USER("user", "/api/v1/auth/**", "/api/v1/users/me", "/api/v1/users/by-handle/{handle}", "/api/v1/users/{id}"),

	MEDIA("media", "/api/v1/media", "/api/v1/media/**"),

	FEED("feed", "/api/v1/feed", "/api/v1/feed/**"),

	NOTIFICATION("notification", "/api/v1/notifications", "/api/v1/notifications/**"),

	SEARCH("search", "/api/v1/search/**", "/api/v1/trends");

	private final String service;

	private final List<String> paths;

	private final List<PathPattern> patterns;

	ServiceRoutes(String service, String... paths) {
		this.service = service;
		this.paths = List.of(paths);
		this.patterns = this.paths.stream().map(PathPatternParser.defaultInstance::parse).toList();
	}

	String service() {
		return this.service;
	}

	String[] paths() {
		return this.paths.toArray(String[]::new);
	}

	/**
	 * The service whose route a path is on, as the routes match: the first whose paths
	 * match.
	 * @param path a request path
	 * @return the service, or {@code null} when no route matches
	 */
	public static @Nullable String serviceOf(String path) {
		PathContainer container = PathContainer.parsePath(path);
		for (ServiceRoutes route : values()) {
			for (PathPattern pattern : route.patterns) {
				if (pattern.matches(container)) {
					return route.service;
				}
			}
		}
		return null;
	}

}
