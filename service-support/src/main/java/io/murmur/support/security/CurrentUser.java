package io.murmur.support.security;

import java.util.OptionalLong;

import org.springframework.security.oauth2.jwt.Jwt;

import io.murmur.support.problem.CommonProblem;
import io.murmur.support.web.ProblemException;
import io.murmur.support.web.UserIds;

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
	 * @throws ProblemException {@link CommonProblem#UNAUTHORIZED} if the subject is not a
	 * user id (a service token)
	 */
	public static long of(Jwt token) {
		return optional(token)
			.orElseThrow(() -> new ProblemException(CommonProblem.UNAUTHORIZED, "The access token has no user"));
	}

	/**
	 * The user id in the token's subject, if there is one: internal endpoints that a
	 * service may call with its own token, and that serve a user when called with theirs.
	 * @param token the validated access token
	 * @return the user id, or empty for a service token
	 */
	public static OptionalLong optional(Jwt token) {
		String subject = token.getSubject();
		return (subject != null) ? UserIds.parse(subject) : OptionalLong.empty();
	}

}
