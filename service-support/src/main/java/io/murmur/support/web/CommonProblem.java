package io.murmur.support.web;

import org.springframework.http.HttpStatus;

/**
 * The problem types every service shares, with the same slugs everywhere.
 */
public enum CommonProblem implements ProblemType.Defined {

	/** A request field or parameter broke a rule; {@code errors} lists each and why. */
	VALIDATION_FAILED(ProblemType.of("validation-failed", "Validation failed", HttpStatus.BAD_REQUEST)),

	/** The request could not be read: malformed JSON, a missing body, a bad parameter. */
	MALFORMED_REQUEST(ProblemType.of("malformed-request", "Malformed request", HttpStatus.BAD_REQUEST)),

	/** No valid access token came with a request that needs one. */
	UNAUTHORIZED(ProblemType.of("unauthorized", "Unauthorized", HttpStatus.UNAUTHORIZED)),

	/** The access token does not allow this request. */
	FORBIDDEN(ProblemType.of("forbidden", "Forbidden", HttpStatus.FORBIDDEN)),

	/** Nothing is served at this path. */
	NOT_FOUND(ProblemType.of("not-found", "Not found", HttpStatus.NOT_FOUND)),

	/** The path exists but not for this method. */
	METHOD_NOT_ALLOWED(ProblemType.of("method-not-allowed", "Method not allowed", HttpStatus.METHOD_NOT_ALLOWED)),

	/** None of the accepted media types can be produced. */
	NOT_ACCEPTABLE(ProblemType.of("not-acceptable", "Not acceptable", HttpStatus.NOT_ACCEPTABLE)),

	/** The request body is larger than the service accepts. */
	PAYLOAD_TOO_LARGE(ProblemType.of("payload-too-large", "Payload too large", HttpStatus.CONTENT_TOO_LARGE)),

	/** The request body is not JSON. */
	UNSUPPORTED_MEDIA_TYPE(
			ProblemType.of("unsupported-media-type", "Unsupported media type", HttpStatus.UNSUPPORTED_MEDIA_TYPE)),

	/** The service failed; nothing about the request was wrong. */
	INTERNAL_ERROR(ProblemType.of("internal-error", "Internal error", HttpStatus.INTERNAL_SERVER_ERROR)),

	/** The service or one it depends on cannot answer now; try again later. */
	SERVICE_UNAVAILABLE(ProblemType.of("service-unavailable", "Service unavailable", HttpStatus.SERVICE_UNAVAILABLE));

	/**
	 * Where every problem type of Murmur lives.
	 */
	public static final String BASE_URI = "https://murmur.example/problems/";

	private final ProblemType definition;

	CommonProblem(ProblemType definition) {
		this.definition = definition;
	}

	@Override
	public ProblemType definition() {
		return this.definition;
	}

	/**
	 * The type to report for a status that no more specific problem explains.
	 * @param status an HTTP status
	 * @return the generic problem type of that status
	 */
	public static CommonProblem forStatus(int status) {
		return switch (status) {
			case 400 -> MALFORMED_REQUEST;
			case 401 -> UNAUTHORIZED;
			case 403 -> FORBIDDEN;
			case 404 -> NOT_FOUND;
			case 405 -> METHOD_NOT_ALLOWED;
			case 406 -> NOT_ACCEPTABLE;
			case 413 -> PAYLOAD_TOO_LARGE;
			case 415 -> UNSUPPORTED_MEDIA_TYPE;
			case 503 -> SERVICE_UNAVAILABLE;
			default -> (status >= 500) ? INTERNAL_ERROR : MALFORMED_REQUEST;
		};
	}

}
