package io.murmur.gateway.web;

import java.util.UUID;
import java.util.regex.Pattern;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Gives every request an {@code X-Request-Id}: a well-formed one from the client is kept,
 * anything else is replaced. The id goes to the service and back to the client.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestIdFilter implements WebFilter {

	/** The header carrying the request id. */
	public static final String HEADER = "X-Request-Id";

	/** The exchange attribute holding the request id. */
	public static final String ATTRIBUTE = RequestIdFilter.class.getName() + ".id";

	/**
	 * The exchange attribute holding the path the client asked for, which a forward to a
	 * fallback does not change.
	 */
	public static final String ORIGINAL_PATH_ATTRIBUTE = RequestIdFilter.class.getName() + ".path";

	private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9._-]{8,64}");

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		String incoming = exchange.getRequest().getHeaders().getFirst(HEADER);
		String id = (incoming != null && WELL_FORMED.matcher(incoming).matches()) ? incoming
				: UUID.randomUUID().toString();
		exchange.getAttributes().put(ATTRIBUTE, id);
		exchange.getAttributes().put(ORIGINAL_PATH_ATTRIBUTE, exchange.getRequest().getPath().value());
		exchange.getResponse().getHeaders().set(HEADER, id);
		ServerWebExchange withId = exchange.mutate()
			.request((request) -> request.headers((headers) -> headers.set(HEADER, id)))
			.build();
		return chain.filter(withId);
	}

}
