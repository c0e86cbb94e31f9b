package io.murmur.notification.push;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Locale;

import org.springframework.boot.http.client.InetAddressFilter;
import org.springframework.stereotype.Component;

import io.murmur.notification.config.NotificationProperties;
import io.murmur.support.web.ProblemException;

/**
 * The guard against webhooks that would make the service call into its own network
 * (server-side request forgery): a webhook may only point at public addresses, never at
 * private, loopback, link-local, multicast or other special-purpose ones, unless its
 * range is allowed by configuration ({@code murmur.notification.push.allowed-networks}).
 * <p>
 * The URL is checked when it is registered, and every delivery resolves the host again
 * through the same filter ({@link #filter()}, applied by the HTTP client's DNS resolver)
 * and connects only to an address that passes, so a name that later resolves to an
 * internal address (DNS rebinding) is refused then too.
 */
@Component
class WebhookAddresses {

	static final int MAX_URL_LENGTH = 2048;

	private final InetAddressFilter filter;

	WebhookAddresses(NotificationProperties properties) {
		InetAddressFilter external = InetAddressFilter.externalAddresses();
		this.filter = properties.push().allowedNetworks().isEmpty() ? external
				: external.or(properties.push().allowedNetworks().toArray(String[]::new));
	}

	InetAddressFilter filter() {
		return this.filter;
	}

	/**
	 * Checks a URL a user registers.
	 * @param url the URL
	 * @return it, parsed
	 * @throws ProblemException {@code validation-failed} on {@code url} if it is not an
	 * absolute http(s) URL without credentials, its host does not resolve, or any address
	 * it resolves to is not allowed
	 */
	URI check(String url) {
		URI uri = parse(url);
		InetAddress[] addresses;
		try {
			addresses = InetAddress.getAllByName(uri.getHost());
		}
		catch (UnknownHostException ex) {
			throw refused("must name a host that resolves");
		}
		if (addresses.length == 0 || !Arrays.stream(addresses).allMatch(this.filter::matches)) {
			throw refused("must not point at a private, loopback, link-local or other internal address");
		}
		return uri;
	}

	private static URI parse(String url) {
		if (url.length() > MAX_URL_LENGTH) {
			throw refused("must be at most " + MAX_URL_LENGTH + " characters");
		}
		URI uri;
		try {
			uri = new URI(url.strip());
		}
		catch (URISyntaxException ex) {
			throw refused("must be an absolute http or https URL");
		}
		String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
		if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null || uri.isOpaque()) {
			throw refused("must be an absolute http or https URL");
		}
		if (uri.getRawUserInfo() != null) {
			throw refused("must not carry credentials");
		}
		if (uri.getRawFragment() != null) {
			throw refused("must not have a fragment");
		}
		return uri;
	}

	private static ProblemException refused(String message) {
		return ProblemException.invalidField("url", message);
	}

}
