package io.murmur.gateway.web;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import io.murmur.support.problem.CommonProblem;
import io.murmur.support.uri.QueryStrings;

/**
 * Refuses a query string that is not well-formed percent-encoded UTF-8 with a 400 problem
 * before it is routed: forwarded as it was ({@code ?limit=%ff%fe}), the call to the
 * service failed and the client got a 503 for its own bad input.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class QueryStringFilter implements WebFilter {

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		if (!QueryStrings.isWellFormed(exchange.getRequest().getURI().getRawQuery())) {
			return Problems.write(exchange, Problems.of(CommonProblem.MALFORMED_REQUEST,
					"The query string is not valid percent-encoded UTF-8."));
		}
		return chain.filter(exchange);
	}

}
