package io.murmur.gateway.security;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * The caching and content-security headers of the web client, whose files the gateway
 * serves from the web-client jar's {@code META-INF/resources}. The files under
 * {@code /assets/} carry a hash of their content in their name, so browsers may keep them
 * for a year without asking again; {@code index.html} names the current ones, so it is
 * checked on every load. The page may run only its own scripts and styles, talk only to
 * this origin, and show images from anywhere over HTTP(S): media and avatars are
 * presigned URLs on the object store's origin, which the gateway does not know.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class WebClientHeadersFilter implements WebFilter {

	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data: blob: http: https:; connect-src 'self'; font-src 'self'; object-src 'none'; "
			+ "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

	static final String IMMUTABLE = "public, max-age=31536000, immutable";

	static final String REVALIDATE = "no-cache";

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		HttpMethod method = exchange.getRequest().getMethod();
		if (!HttpMethod.GET.equals(method) && !HttpMethod.HEAD.equals(method)) {
			return chain.filter(exchange);
		}
		String path = exchange.getRequest().getPath().pathWithinApplication().value();
		boolean page = path.equals("/") || path.equals("/index.html");
		boolean asset = path.startsWith("/assets/");
		if (page || asset) {
			ServerHttpResponse response = exchange.getResponse();
			response.beforeCommit(() -> Mono.fromRunnable(() -> {
				HttpStatusCode status = response.getStatusCode();
				if (status != null && status.isError()) {
					return;
				}
				HttpHeaders headers = response.getHeaders();
				if (page) {
					headers.setCacheControl(REVALIDATE);
					headers.set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
					headers.set("Referrer-Policy", "same-origin");
					headers.set("X-Frame-Options", "DENY");
				}
				else {
					headers.setCacheControl(IMMUTABLE);
				}
			}));
		}
		return chain.filter(exchange);
	}

}
