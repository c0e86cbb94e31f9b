package io.murmur.user.web;

import org.springframework.security.oauth2.jwt.Jwt;

import io.murmur.user.account.UserIds;

/**
 * Who is calling: always the subject of the validated access token, never an id from a
 * path or a body.
 */
public final class CurrentUser {

	private CurrentUser() {
	}

	/**
	 * The user id in the token's subject.
	 * @param token the validated access token
	 * @return the user id
	 * @throws ProblemException {@link ProblemType#UNAUTHORIZED} if the subject is not a
	 * user id
	 */
	public static long of(Jwt token) {
		return UserIds.parse(token.getSubject())
			.orElseThrow(() -> new ProblemException(ProblemType.UNAUTHORIZED, "The access token has no user"));
	}

}
