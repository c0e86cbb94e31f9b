package io.murmur.support.web;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;

import org.springframework.beans.ConversionNotSupportedException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentConversionNotSupportedException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import io.murmur.support.problem.CommonProblem;
import io.murmur.support.problem.ProblemType;

/**
 * Renders every error of a controller as an RFC 9457 problem with a stable
 * {@link ProblemType type}: Spring MVC's own exceptions, Bean Validation failures (with
 * an {@code errors} array of fields), unreadable JSON, {@link ProblemException}s of the
 * features, failures of a store declared by {@link StoreUnavailableExceptions} (503),
 * parameters Tomcat cannot parse and unreadable multipart bodies (400), and anything
 * else, which is logged and answered without its details.
 */
@ControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

	private static final Log log = LogFactory.getLog(ApiExceptionHandler.class);

	private final List<StoreUnavailableExceptions> stores;

	ApiExceptionHandler(List<StoreUnavailableExceptions> stores) {
		this.stores = List.copyOf(stores);
	}

	@ExceptionHandler
	ResponseEntity<Object> handleProblem(ProblemException ex, WebRequest request) {
		ProblemDetail problem = Problems.withErrors(Problems.of(ex.getType(), ex.getMessage()), ex.getErrors());
		HttpHeaders headers = new HttpHeaders();
		if (ex.getRetryAfter() != null) {
			long seconds = Math.max(1, (ex.getRetryAfter().toMillis() + 999) / 1000);
			headers.set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
		}
		return createResponseEntity(problem, headers, ex.getType().status(), request);
	}

	/**
	 * A multipart body that cannot be parsed (no boundary, no closing boundary, a broken
	 * part) is the client's fault, on any route: the servlet parses every multipart
	 * request before a controller is chosen. Too large a multipart body keeps its own
	 * handler (413).
	 * @param ex the exception
	 * @param request the request
	 * @return the problem
	 */
	@ExceptionHandler
	ResponseEntity<Object> handleMultipart(MultipartException ex, WebRequest request) {
		ProblemDetail problem = Problems.of(CommonProblem.MALFORMED_REQUEST, "The multipart body cannot be read");
		return createResponseEntity(problem, new HttpHeaders(), HttpStatusCode.valueOf(problem.getStatus()), request);
	}

	@ExceptionHandler
	ResponseEntity<Object> handleUnexpected(Exception ex, WebRequest request) {
		if (causedBy(ex, InvalidParameterException.class) != null) {
			ProblemDetail problem = Problems.of(CommonProblem.MALFORMED_REQUEST,
					"The request parameters cannot be read");
			return createResponseEntity(problem, new HttpHeaders(), HttpStatusCode.valueOf(problem.getStatus()),
					request);
		}
		for (StoreUnavailableExceptions store : this.stores) {
			if (store.matches(ex)) {
				log.warn(store.store() + " is not available: " + ex.getMessage());
				ProblemDetail problem = Problems.of(CommonProblem.SERVICE_UNAVAILABLE,
						"The service cannot reach its store; try again later");
				return createResponseEntity(problem, new HttpHeaders(), HttpStatusCode.valueOf(problem.getStatus()),
						request);
			}
		}
		if (causedBy(ex, ResourceAccessException.class) != null
				|| causedBy(ex, HttpServerErrorException.class) != null) {
			log.warn("A service this one calls did not answer: " + ex.getMessage());
			ProblemDetail problem = Problems.of(CommonProblem.SERVICE_UNAVAILABLE,
					"A service this one depends on is not answering; try again later");
			return createResponseEntity(problem, new HttpHeaders(), HttpStatusCode.valueOf(problem.getStatus()),
					request);
		}
		log.error("Request failed: " + request.getDescription(false), ex);
		ProblemDetail problem = Problems.of(CommonProblem.INTERNAL_ERROR, "The service failed to process the request");
		return createResponseEntity(problem, new HttpHeaders(), HttpStatusCode.valueOf(problem.getStatus()), request);
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<InvalidField> errors = new ArrayList<>();
		for (ObjectError error : ex.getBindingResult().getAllErrors()) {
			String field = (error instanceof FieldError fieldError) ? fieldError.getField() : error.getObjectName();
			errors.add(new InvalidField(field, message(error.getDefaultMessage())));
		}
		return validationFailed(errors, headers, request);
	}

	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<InvalidField> errors = new ArrayList<>();
		ex.getParameterValidationResults()
			.forEach((result) -> result.getResolvableErrors()
				.forEach((error) -> errors.add(new InvalidField(
						(result.getMethodParameter().getParameterName() != null)
								? result.getMethodParameter().getParameterName() : "request",
						message(error.getDefaultMessage())))));
		return validationFailed(errors, headers, request);
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		if (causedBy(ex, PayloadTooLargeException.class) != null) {
			ProblemDetail problem = Problems.of(CommonProblem.PAYLOAD_TOO_LARGE, "The request body is too large");
			return createResponseEntity(problem, headers, HttpStatusCode.valueOf(problem.getStatus()), request);
		}
		MismatchedInputException mismatch = causedBy(ex, MismatchedInputException.class);
		if (mismatch != null && !mismatch.getPath().isEmpty()) {
			return validationFailed(List.of(new InvalidField(path(mismatch), expected(mismatch.getTargetType()))),
					headers, request);
		}
		String detail;
		if (mismatch != null) {
			detail = "The request body must be a JSON object";
		}
		else if (causedBy(ex, StreamReadException.class) != null) {
			detail = "The request body is not well-formed JSON";
		}
		else {
			detail = "The request body is missing or unreadable";
		}
		ProblemDetail problem = Problems.of(CommonProblem.MALFORMED_REQUEST, detail);
		return createResponseEntity(problem, headers, HttpStatusCode.valueOf(problem.getStatus()), request);
	}

	/**
	 * A request parameter no converter can turn into its type, such as a file part sent
	 * where a form field is expected, is the client's fault: 400 naming the parameter,
	 * not a 500 naming the classes. Other conversions that are not supported are a bug of
	 * the service and stay 500.
	 */
	@Override
	protected @Nullable ResponseEntity<Object> handleConversionNotSupported(ConversionNotSupportedException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		if (ex instanceof MethodArgumentConversionNotSupportedException argument) {
			return validationFailed(List.of(new InvalidField(argument.getName(), "has the wrong type")), headers,
					request);
		}
		return super.handleConversionNotSupported(ex, headers, status, request);
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleExceptionInternal(Exception ex, @Nullable Object body,
			HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
		ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
		if (response != null && response.getBody() instanceof ProblemDetail problem && isUntyped(problem)) {
			Problems.typed(problem, CommonProblem.forStatus(statusCode.value()));
		}
		return response;
	}

	private static boolean isUntyped(ProblemDetail problem) {
		return problem.getType() == null || "about:blank".equals(problem.getType().toString());
	}

	private ResponseEntity<Object> validationFailed(List<InvalidField> errors, HttpHeaders headers,
			WebRequest request) {
		ProblemDetail problem = Problems
			.withErrors(Problems.of(CommonProblem.VALIDATION_FAILED, "The request has invalid fields"), errors);
		return createResponseEntity(problem, headers, HttpStatusCode.valueOf(problem.getStatus()), request);
	}

	private static String message(@Nullable String message) {
		return (message != null) ? message : "is invalid";
	}

	private static String path(JacksonException ex) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference reference : ex.getPath()) {
			if (reference.getPropertyName() != null) {
				if (!path.isEmpty()) {
					path.append('.');
				}
				path.append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.toString();
	}

	private static String expected(@Nullable Class<?> type) {
		if (type == null) {
			return "has the wrong type";
		}
		if (CharSequence.class.isAssignableFrom(type)) {
			return "must be a string";
		}
		if (Collection.class.isAssignableFrom(type) || type.isArray()) {
			return "must be an array";
		}
		if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
			return "must be a number";
		}
		if (type == Boolean.class || type == boolean.class) {
			return "must be true or false";
		}
		if (Map.class.isAssignableFrom(type) || type.isRecord() || !type.getName().startsWith("java.")) {
			return "must be an object";
		}
		return "has the wrong type";
	}

	private static <T extends Throwable> @Nullable T causedBy(Throwable ex, Class<T> type) {
		for (Throwable candidate = ex; candidate != null; candidate = candidate.getCause()) {
			if (type.isInstance(candidate)) {
				return type.cast(candidate);
			}
			if (candidate.getCause() == candidate) {
				break;
			}
		}
		return null;
	}

}
