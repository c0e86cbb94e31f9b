package io.murmur.gateway.route;

import java.net.URI;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import io.murmur.gateway.web.Problems;
import io.murmur.gateway.web.RequestIdFilter;

import io.murmur.support.problem.CommonProblem;

/**
 * Where a route's circuit breaker sends a request that the service could not answer: it
 * is down, too slow, or its breaker is open.
 */
@RestController
class FallbackController {

	@RequestMapping("/fallback/{service}")
	ResponseEntity<ProblemDetail> serviceUnavailable(@PathVariable String service, ServerWebExchange exchange) {
		ProblemDetail problem = Problems.of(CommonProblem.SERVICE_UNAVAILABLE,
				"The " + service + " service is not answering right now. Try again shortly.");
		String path = exchange.getAttribute(RequestIdFilter.ORIGINAL_PATH_ATTRIBUTE);
		if (path != null) {
			problem.setInstance(URI.create(path));
		}
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, "5")
			.contentType(Problems.MEDIA_TYPE)
			.body(problem);
	}

}
