package io.murmur.gateway.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

import io.murmur.support.problem.CommonProblem;

/**
 * Turns every error the gateway itself raises into problem+json: unknown paths, methods
 * not allowed, bodies too large, and anything unexpected, which never shows its cause.
 */
@Component
@Order(-2)
class ProblemErrorWebExceptionHandler implements ErrorWebExceptionHandler {

	private static final Logger logger = LoggerFactory.getLogger(ProblemErrorWebExceptionHandler.class);

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
		HttpStatusCode code = (ex instanceof ResponseStatusException status) ? status.getStatusCode()
				: HttpStatus.INTERNAL_SERVER_ERROR;
		HttpStatus status = HttpStatus.resolve(code.value());
		if (status == null) {
			status = HttpStatus.INTERNAL_SERVER_ERROR;
		}
		if (status.is5xxServerError()) {
			logger.error("Request {} {} failed", exchange.getRequest().getMethod(), exchange.getRequest().getPath(),
					ex);
		}
		String detail = switch (status) {
			case NOT_FOUND -> "No resource at this path.";
			case METHOD_NOT_ALLOWED -> "This path does not accept " + exchange.getRequest().getMethod() + ".";
			case CONTENT_TOO_LARGE -> "The request body exceeds the allowed size.";
			case UNSUPPORTED_MEDIA_TYPE -> "This content type is not accepted here.";
			case GATEWAY_TIMEOUT, SERVICE_UNAVAILABLE, BAD_GATEWAY -> "The service is not answering right now.";
			default ->
				status.is4xxClientError() ? "The request was not accepted." : "Something went wrong on our side.";
		};
		ProblemDetail problem = Problems.of(CommonProblem.forStatus(status.value()), detail);
		if (status.is4xxClientError()) {
			problem.setStatus(status);
		}
		return Problems.write(exchange, problem);
	}

}
