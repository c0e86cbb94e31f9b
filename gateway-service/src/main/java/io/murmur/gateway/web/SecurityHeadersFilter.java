package io.murmur.gateway.web;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * The headers of every response, whoever wrote it (a service, a filter, the security
 * chain's rejections): {@code X-Content-Type-Options: nosniff}, and no header naming the
 * server or its version, even if a service sent one.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class SecurityHeadersFilter implements WebFilter {

	static final String CONTENT_TYPE_OPTIONS = "X-Content-Type-Options";

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		exchange.getResponse().beforeCommit(() -> Mono.fromRunnable(() -> {
			HttpHeaders headers = exchange.getResponse().getHeaders();
			headers.set(CONTENT_TYPE_OPTIONS, "nosniff");
			headers.remove(HttpHeaders.SERVER);
			headers.remove("X-Powered-By");
		}));
		return chain.filter(exchange);
	}

}
