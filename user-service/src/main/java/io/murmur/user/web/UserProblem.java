package io.murmur.user.web;

import org.springframework.http.HttpStatus;

import io.murmur.support.problem.ProblemType;

/**
 * The problems of user-service's own, beside the
 * {@link io.murmur.support.problem.CommonProblem common ones}.
 */
public final class UserProblem {

	/** The login or password is wrong; the same for unknown accounts. */
	public static final ProblemType INVALID_CREDENTIALS = ProblemType.of("invalid-credentials", "Invalid credentials",
			HttpStatus.UNAUTHORIZED);

	/** The refresh token is unknown, expired, revoked or already used. */
	public static final ProblemType INVALID_REFRESH_TOKEN = ProblemType.of("invalid-refresh-token",
			"Invalid refresh token", HttpStatus.UNAUTHORIZED);

	/** No user has this id or handle. */
	public static final ProblemType USER_NOT_FOUND = ProblemType.of("user-not-found", "User not found",
			HttpStatus.NOT_FOUND);

	/** Another account has this handle, ignoring case. */
	public static final ProblemType HANDLE_TAKEN = ProblemType.of("handle-taken", "Handle taken", HttpStatus.CONFLICT);

	/** Another account has this email address. */
	public static final ProblemType EMAIL_TAKEN = ProblemType.of("email-taken", "Email taken", HttpStatus.CONFLICT);

	/**
	 * Too many failed logins for the account or from the client; see {@code Retry-After}.
	 */
	public static final ProblemType TOO_MANY_LOGIN_ATTEMPTS = ProblemType.of("too-many-login-attempts",
			"Too many login attempts", HttpStatus.TOO_MANY_REQUESTS);

	private UserProblem() {
	}

}
