package io.murmur.post.web;

import java.net.URI;

import org.springframework.http.HttpStatus;

/**
 * The problems the API answers with, each with a stable {@code type} URI below
 * {@value #BASE_URI}. Clients branch on the type, never on the title or detail.
 */
public enum ProblemType {

	/** A request field broke a rule; {@code errors} lists each field and why. */
	VALIDATION_FAILED("validation-failed", "Validation failed", HttpStatus.BAD_REQUEST),

	/** The request could not be read: malformed JSON, a missing body, a bad parameter. */
	MALFORMED_REQUEST("malformed-request", "Malformed request", HttpStatus.BAD_REQUEST),

	/** No valid access token came with a request that needs one. */
	UNAUTHORIZED("unauthorized", "Unauthorized", HttpStatus.UNAUTHORIZED),

	/** The access token does not allow this request. */
	FORBIDDEN("forbidden", "Forbidden", HttpStatus.FORBIDDEN),

	/** Nothing is served at this path. */
	NOT_FOUND("not-found", "Not found", HttpStatus.NOT_FOUND),

	/** No post has this id, or it was deleted. */
	POST_NOT_FOUND("post-not-found", "Post not found", HttpStatus.NOT_FOUND),

	/** The path exists but not for this method. */
	METHOD_NOT_ALLOWED("method-not-allowed", "Method not allowed", HttpStatus.METHOD_NOT_ALLOWED),

	/** None of the accepted media types can be produced. */
	NOT_ACCEPTABLE("not-acceptable", "Not acceptable", HttpStatus.NOT_ACCEPTABLE),

	/** The request body is larger than the service accepts. */
	PAYLOAD_TOO_LARGE("payload-too-large", "Payload too large", HttpStatus.CONTENT_TOO_LARGE),

	/** The request body is not JSON. */
	UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", "Unsupported media type", HttpStatus.UNSUPPORTED_MEDIA_TYPE),

	/** The service failed; nothing about the request was wrong. */
	INTERNAL_ERROR("internal-error", "Internal error", HttpStatus.INTERNAL_SERVER_ERROR),

	/** The service cannot answer now; try again later. */
	SERVICE_UNAVAILABLE("service-unavailable", "Service unavailable", HttpStatus.SERVICE_UNAVAILABLE);

	/**
	 * Where every problem type of Murmur lives.
	 */
	public static final String BASE_URI = "https://murmur.example/problems/";

	private final URI type;

	private final String title;

	private final HttpStatus status;

	ProblemType(String slug, String title, HttpStatus status) {
		this.type = URI.create(BASE_URI + slug);
		this.title = title;
		this.status = status;
	}

	public URI type() {
		return this.type;
	}

	public String title() {
		return this.title;
	}

	public HttpStatus status() {
		return this.status;
	}

	/**
	 * The type to report for a status that no more specific problem explains.
	 * @param status an HTTP status
	 * @return the generic problem type of that status
	 */
	static ProblemType forStatus(int status) {
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
