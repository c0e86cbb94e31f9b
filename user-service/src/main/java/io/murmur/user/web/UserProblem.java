package io.murmur.user.web;

import org.springframework.http.HttpStatus;

import io.murmur.support.web.ProblemType;

/**
 * The problems of user-service's own, beside the
 * {@link io.murmur.support.web.CommonProblem common ones}.
 */
public enum UserProblem implements ProblemType.Defined {

	/** The login or password is wrong; the same for unknown accounts. */
	INVALID_CREDENTIALS(ProblemType.of("invalid-credentials", "Invalid credentials", HttpStatus.UNAUTHORIZED)),

	/** The refresh token is unknown, expired, revoked or already used. */
	INVALID_REFRESH_TOKEN(ProblemType.of("invalid-refresh-token", "Invalid refresh token", HttpStatus.UNAUTHORIZED)),

	/** No user has this id or handle. */
	USER_NOT_FOUND(ProblemType.of("user-not-found", "User not found", HttpStatus.NOT_FOUND)),

	/** Another account has this handle, ignoring case. */
	HANDLE_TAKEN(ProblemType.of("handle-taken", "Handle taken", HttpStatus.CONFLICT)),

	/** Another account has this email address. */
	EMAIL_TAKEN(ProblemType.of("email-taken", "Email taken", HttpStatus.CONFLICT)),

	/**
	 * Too many failed logins for the account or from the client; see {@code Retry-After}.
	 */
	TOO_MANY_LOGIN_ATTEMPTS(
			ProblemType.of("too-many-login-attempts", "Too many login attempts", HttpStatus.TOO_MANY_REQUESTS));

	private final ProblemType definition;

	UserProblem(ProblemType definition) {
		this.definition = definition;
	}

	@Override
	public ProblemType definition() {
		return this.definition;
	}

}
