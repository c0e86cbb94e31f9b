package io.murmur.user.web;

import java.util.List;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.web.util.matcher.IpAddressMatcher;
import org.springframework.stereotype.Component;

import io.murmur.user.config.UserProperties;

/**
 * The address of the client behind a request. Requests come through the gateway, which
 * names the client in {@code X-Forwarded-For}; that header is believed only when the
 * connection itself comes from a trusted proxy, since anyone else can write it. The first
 * hop of the header is the client the gateway saw.
 */
@Component
public class ClientAddressResolver {

	private static final Pattern IP_LITERAL = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

	private final List<IpAddressMatcher> trustedProxies;

	ClientAddressResolver(UserProperties properties) {
		this.trustedProxies = properties.web().trustedProxies().stream().map(IpAddressMatcher::new).toList();
	}

	/**
	 * The client's address.
	 * @param request the request
	 * @return the first hop of {@code X-Forwarded-For} if the request came from a trusted
	 * proxy and names one, else the address of the connection
	 */
	public String resolve(HttpServletRequest request) {
		String remote = request.getRemoteAddr();
		String forwarded = request.getHeader("X-Forwarded-For");
		if (forwarded == null || !isTrusted(remote)) {
			return remote;
		}
		int comma = forwarded.indexOf(',');
		String first = ((comma >= 0) ? forwarded.substring(0, comma) : forwarded).strip();
		return IP_LITERAL.matcher(first).matches() ? first : remote;
	}

	private boolean isTrusted(String address) {
		try {
			return this.trustedProxies.stream().anyMatch((proxy) -> proxy.matches(address));
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

}
