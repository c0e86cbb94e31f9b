package io.murmur.gateway.web;

import java.util.Objects;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
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

	/** The longest request target accepted, as Tomcat's default request header limit. */
	static final int MAX_TARGET_LENGTH = 8 * 1024;

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		if (exchange.getRequest().getURI().getRawPath().length()
				+ Objects.toString(exchange.getRequest().getURI().getRawQuery(), "").length() > MAX_TARGET_LENGTH) {
			ProblemDetail problem = Problems.of(CommonProblem.MALFORMED_REQUEST,
					"The request target is longer than " + MAX_TARGET_LENGTH + " characters.");
			problem.setStatus(HttpStatus.URI_TOO_LONG);
			return Problems.write(exchange, problem);
		}
		if (!QueryStrings.isWellFormed(exchange.getRequest().getURI().getRawQuery())) {
			return Problems.write(exchange, Problems.of(CommonProblem.MALFORMED_REQUEST,
					"The query string is not valid percent-encoded UTF-8."));
		}
		return chain.filter(exchange);
	}

}
