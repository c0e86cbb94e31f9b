package io.murmur.gateway.web;

import java.net.InetSocketAddress;

import org.springframework.web.server.ServerWebExchange;

/**
 * The client's IP address as the gateway sees it. Behind a trusted ingress, Spring's
 * forwarded-header support ({@code server.forward-headers-strategy}) makes this the real
 * client rather than the ingress.
 */
public final class ClientAddress {

	private ClientAddress() {
	}

	public static String of(ServerWebExchange exchange) {
		InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
		if (remote == null) {
			return "unknown";
		}
		return (remote.getAddress() != null) ? remote.getAddress().getHostAddress() : remote.getHostString();
	}

}
