package io.murmur.support.problem;

import org.springframework.http.HttpStatus;

/**
 * The problem types every service and the gateway share, with the same slugs everywhere.
 */
public final class CommonProblem {

	/** A request field or parameter broke a rule; {@code errors} lists each and why. */
	public static final ProblemType VALIDATION_FAILED = ProblemType.of("validation-failed", "Validation failed",
			HttpStatus.BAD_REQUEST);

	/** The request could not be read: malformed JSON, a missing body, a bad parameter. */
	public static final ProblemType MALFORMED_REQUEST = ProblemType.of("malformed-request", "Malformed request",
			HttpStatus.BAD_REQUEST);

	/** No valid access token came with a request that needs one. */
	public static final ProblemType UNAUTHORIZED = ProblemType.of("unauthorized", "Unauthorized",
			HttpStatus.UNAUTHORIZED);

	/** The access token does not allow this request. */
	public static final ProblemType FORBIDDEN = ProblemType.of("forbidden", "Forbidden", HttpStatus.FORBIDDEN);

	/** Nothing is served at this path. */
	public static final ProblemType NOT_FOUND = ProblemType.of("not-found", "Not found", HttpStatus.NOT_FOUND);

	/** The path exists but not for this method. */
	public static final ProblemType METHOD_NOT_ALLOWED = ProblemType.of("method-not-allowed", "Method not allowed",
			HttpStatus.METHOD_NOT_ALLOWED);

	/** None of the accepted media types can be produced. */
	public static final ProblemType NOT_ACCEPTABLE = ProblemType.of("not-acceptable", "Not acceptable",
			HttpStatus.NOT_ACCEPTABLE);

	/** The request body is larger than the service accepts. */
	public static final ProblemType PAYLOAD_TOO_LARGE = ProblemType.of("payload-too-large", "Payload too large",
			HttpStatus.CONTENT_TOO_LARGE);

	/** The request body is not of a media type the endpoint takes. */
	public static final ProblemType UNSUPPORTED_MEDIA_TYPE = ProblemType.of("unsupported-media-type",
			"Unsupported media type", HttpStatus.UNSUPPORTED_MEDIA_TYPE);

	/** The client sent too many requests; {@code Retry-After} says when to try again. */
	public static final ProblemType RATE_LIMITED = ProblemType.of("rate-limited", "Too many requests",
			HttpStatus.TOO_MANY_REQUESTS);

	/** The service failed; nothing about the request was wrong. */
	public static final ProblemType INTERNAL_ERROR = ProblemType.of("internal-error", "Internal error",
			HttpStatus.INTERNAL_SERVER_ERROR);

	/** The service or one it depends on cannot answer now; try again later. */
	public static final ProblemType SERVICE_UNAVAILABLE = ProblemType.of("service-unavailable", "Service unavailable",
			HttpStatus.SERVICE_UNAVAILABLE);

	private CommonProblem() {
	}

	/**
	 * The type to report for a status that no more specific problem explains.
	 * @param status an HTTP status
	 * @return the generic problem type of that status
	 */
	public static ProblemType forStatus(int status) {
		return switch (status) {
			case 400 -> MALFORMED_REQUEST;
			case 401 -> UNAUTHORIZED;
			case 403 -> FORBIDDEN;
			case 404 -> NOT_FOUND;
			case 405 -> METHOD_NOT_ALLOWED;
			case 406 -> NOT_ACCEPTABLE;
			case 413 -> PAYLOAD_TOO_LARGE;
			case 415 -> UNSUPPORTED_MEDIA_TYPE;
			case 429 -> RATE_LIMITED;
			case 502, 503, 504 -> SERVICE_UNAVAILABLE;
			default -> (status >= 500) ? INTERNAL_ERROR : MALFORMED_REQUEST;
		};
	}

}
