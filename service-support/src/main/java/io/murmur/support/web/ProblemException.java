package io.murmur.support.web;

import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.murmur.support.problem.CommonProblem;
import io.murmur.support.problem.ProblemType;

/**
 * Ends a request with a problem response of the given type. Thrown by the features;
 * rendered as {@code application/problem+json} with the type's status, and with
 * {@code Retry-After} when the client may retry.
 */
public class ProblemException extends RuntimeException {

	private final ProblemType type;

	private final List<InvalidField> errors;

	private final @Nullable Duration retryAfter;

	/**
	 * Creates an exception for a problem.
	 * @param type the problem type
	 * @param detail the detail, for people; must not reveal anything secret
	 */
	public ProblemException(ProblemType type, String detail) {
		this(type, detail, List.of(), null);
	}

	private ProblemException(ProblemType type, String detail, List<InvalidField> errors,
			@Nullable Duration retryAfter) {
		super(detail, null, false, false);
		this.type = type;
		this.errors = List.copyOf(errors);
		this.retryAfter = retryAfter;
	}

	/**
	 * A validation problem about one field.
	 * @param field the field
	 * @param message what is wrong with it
	 * @return the exception
	 */
	public static ProblemException invalidField(String field, String message) {
		return invalidFields(List.of(new InvalidField(field, message)));
	}

	/**
	 * A validation problem about several fields.
	 * @param errors each field and what is wrong with it
	 * @return the exception
	 */
	public static ProblemException invalidFields(List<InvalidField> errors) {
		return new ProblemException(CommonProblem.VALIDATION_FAILED, "The request has invalid fields", errors, null);
	}

	/**
	 * A problem of any type that names the fields (or items) it is about, as
	 * {@code errors}: for a request whose fields are well-formed but cannot be accepted,
	 * such as ids of resources in the wrong state.
	 * @param type the problem type
	 * @param detail the detail
	 * @param errors each field and what is wrong with it
	 * @return the exception
	 */
	public static ProblemException invalid(ProblemType type, String detail, List<InvalidField> errors) {
		return new ProblemException(type, detail, errors, null);
	}

	/**
	 * A problem the client may retry after a while.
	 * @param type the problem type
	 * @param detail the detail
	 * @param retryAfter how long the client should wait
	 * @return the exception
	 */
	public static ProblemException retryLater(ProblemType type, String detail, Duration retryAfter) {
		return new ProblemException(type, detail, List.of(), retryAfter);
	}

	public ProblemType getType() {
		return this.type;
	}

	public List<InvalidField> getErrors() {
		return this.errors;
	}

	public @Nullable Duration getRetryAfter() {
		return this.retryAfter;
	}

}
