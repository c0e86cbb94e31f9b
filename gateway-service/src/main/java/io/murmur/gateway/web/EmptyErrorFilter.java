package io.murmur.gateway.web;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import io.murmur.support.problem.CommonProblem;

/**
 * Gives a problem body to an error that a filter answered with a status alone: the CORS
 * check refusing an origin (403), the security firewall refusing a path with an encoded
 * slash, NUL or traversal (400). Without it those were errors with an empty body.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class EmptyErrorFilter implements WebFilter {

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		return chain.filter(exchange).then(Mono.defer(() -> {
			ServerHttpResponse response = exchange.getResponse();
			HttpStatusCode status = response.getStatusCode();
			if (response.isCommitted() || status == null || !status.isError()) {
				return Mono.empty();
			}
			ProblemDetail problem = Problems.of(CommonProblem.forStatus(status.value()), (status.value() == 403)
					? "This origin or request is not allowed." : "The request was not accepted.");
			problem.setStatus(status.value());
			return Problems.write(exchange, problem);
		}));
	}

}
