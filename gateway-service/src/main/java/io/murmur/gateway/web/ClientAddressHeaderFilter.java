package io.murmur.gateway.web;

import java.util.List;

import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Tells the services who the client is: every routed request carries exactly one
 * {@code X-Forwarded-For}, naming the address the gateway itself saw, and no forwarding
 * header a client wrote. user-service counts failed sign-ins per client by it; without it
 * every client looked like the gateway, and 20 wrong passwords from anyone shut every
 * sign-in through that replica out.
 * <p>
 * The gateway's own X-Forwarded filter writes nothing for a client that is not a trusted
 * proxy (and clients are not), and strips what they sent; this runs after it.
 */
@Component
class ClientAddressHeaderFilter implements HttpHeadersFilter, Ordered {

	private static final List<String> CLAIMS = List.of("Forwarded", "X-Forwarded-For", "X-Real-IP");

	@Override
	public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
		HttpHeaders headers = new HttpHeaders();
		input.forEach((name, values) -> {
			if (CLAIMS.stream().noneMatch(name::equalsIgnoreCase)) {
				headers.addAll(name, values);
			}
		});
		headers.set("X-Forwarded-For", ClientAddress.of(exchange));
		return headers;
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
