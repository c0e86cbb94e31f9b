package io.murmur.gateway.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * One access log line per request: method, path, status, duration, client, user, request
 * id and trace id.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class AccessLogFilter implements WebFilter {

	/** The exchange attribute that names the authenticated user, once known. */
	public static final String USER_ATTRIBUTE = AccessLogFilter.class.getName() + ".user";

	private static final Logger logger = LoggerFactory.getLogger("murmur.gateway.access");

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		long started = System.nanoTime();
		return chain.filter(exchange).doFinally((signal) -> {
			HttpStatusCode status = exchange.getResponse().getStatusCode();
			String traceparent = exchange.getRequest().getHeaders().getFirst("traceparent");
			logger.info("{} {} {} {}ms client={} user={} requestId={} traceId={}", exchange.getRequest().getMethod(),
					exchange.getRequest().getPath().value(), (status != null) ? status.value() : 0,
					(System.nanoTime() - started) / 1_000_000, ClientAddress.of(exchange),
					exchange.getAttributeOrDefault(USER_ATTRIBUTE, "-"),
					exchange.getAttributeOrDefault(RequestIdFilter.ATTRIBUTE, "-"), traceId(traceparent));
		});
	}

	private static String traceId(String traceparent) {
		if (traceparent == null) {
			return "-";
		}
		String[] parts = traceparent.split("-");
		return (parts.length == 4) ? parts[1] : "-";
	}

}
