package io.murmur.gateway.web;

import java.util.concurrent.atomic.AtomicLong;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import io.murmur.gateway.config.GatewayProperties;
import io.murmur.gateway.route.ServiceRoutes;

import io.murmur.support.problem.CommonProblem;

/**
 * Refuses request bodies over the configured size with 413: at once when the declared
 * length is too large, and while streaming when a chunked body grows past it. The size is
 * the gateway's, or the route's own where one is configured (the media route, which
 * carries uploads).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class RequestBodyLimitFilter implements WebFilter {

	private final GatewayProperties properties;

	RequestBodyLimitFilter(GatewayProperties properties) {
		this.properties = properties;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		long maxBytes = this.properties
			.maxRequestBody(ServiceRoutes.serviceOf(exchange.getRequest().getPath().pathWithinApplication().value()))
			.toBytes();
		long declared = exchange.getRequest().getHeaders().getContentLength();
		if (declared > maxBytes) {
			return Problems.write(exchange,
					Problems.of(CommonProblem.PAYLOAD_TOO_LARGE, "The request body exceeds " + maxBytes + " bytes."));
		}
		if (declared >= 0) {
			return chain.filter(exchange);
		}
		ServerHttpRequestDecorator limited = new ServerHttpRequestDecorator(exchange.getRequest()) {

			@Override
			public Flux<DataBuffer> getBody() {
				AtomicLong seen = new AtomicLong();
				return super.getBody().handle((buffer, sink) -> {
					if (seen.addAndGet(buffer.readableByteCount()) > maxBytes) {
						DataBufferUtils.release(buffer);
						sink.error(new ResponseStatusException(HttpStatus.CONTENT_TOO_LARGE));
					}
					else {
						sink.next(buffer);
					}
				});
			}

		};
		return chain.filter(exchange.mutate().request(limited).build());
	}

}
