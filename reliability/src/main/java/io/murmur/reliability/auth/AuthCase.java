package io.murmur.reliability.auth;

import java.util.Set;

import io.murmur.reliability.http.RawRequest;

/**
 * One cell of the auth matrix: a request and the statuses it may get.
 *
 * @param request the request, token included
 * @param allowed the statuses that are right
 * @param token which token it carries: a {@link BadToken}'s name or
 * {@value #SERVICE_TOKEN}
 * @param description the operation, where it was sent and with which token
 */
public record AuthCase(RawRequest request, Set<Integer> allowed, String token, String description) {

	/** The {@link #token()} of a case that carries a service's own token. */
	public static final String SERVICE_TOKEN = "SERVICE_TOKEN";

	@Override
	public String toString() {
		return this.description + " (expects " + this.allowed + ")";
	}

}
