package io.murmur.support.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.tomcat.util.http.InvalidParameterException;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.murmur.support.problem.CommonProblem;
import io.murmur.support.problem.ProblemType;

/**
 * The error page, reached for errors raised outside Spring MVC (in a filter, or by the
 * servlet container): answers with a problem of the generic type of the status instead of
 * Spring Boot's default error JSON, never with a stack trace. Parameters Tomcat cannot
 * parse, first read by a filter, are the client's fault: 400, not 500.
 */
@RestController
class ProblemErrorController implements ErrorController {

	@RequestMapping("${server.error.path:/error}")
	ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		int status = (code instanceof Integer value && value >= 400) ? value : 500;
		if (request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof InvalidParameterException) {
			status = 400;
		}
		ProblemType type = CommonProblem.forStatus(status);
		ProblemDetail problem = Problems.of(type,
				(status >= 500) ? "The service failed to process the request" : "The request cannot be processed");
		problem.setStatus(status);
		Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		if (uri instanceof String path) {
			problem.setInstance(Problems.instance(path));
		}
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

}
