package io.murmur.reliability.auth;

import java.util.Set;

import io.murmur.reliability.http.RawRequest;

/**
 * One cell of the auth matrix: a request and the statuses it may get.
 *
 * @param request the request, token included
 * @param allowed the statuses that are right
 * @param description the operation, where it was sent and with which token
 */
public record AuthCase(RawRequest request, Set<Integer> allowed, String description) {

	@Override
	public String toString() {
		return this.description + " (expects " + this.allowed + ")";
	}

}
