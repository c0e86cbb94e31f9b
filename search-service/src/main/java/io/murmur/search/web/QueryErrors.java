package io.murmur.search.web;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import io.murmur.search.query.QuerySyntaxException;

/**
 * A query that does not parse is a 400 problem that names where and why, also as the
 * members {@code position} (counting characters from 1) and {@code reason}, for a client
 * to point at the spot.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class QueryErrors {

	@ExceptionHandler(QuerySyntaxException.class)
	ProblemDetail invalidQuery(QuerySyntaxException ex) {
		return problem(ex.position(), ex.getMessage(), ex.reason(), "q");
	}

	@ExceptionHandler(InvalidCursorException.class)
	ProblemDetail invalidCursor(InvalidCursorException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(SearchProblem.INVALID_CURSOR.status(),
				ex.getMessage());
		problem.setType(SearchProblem.INVALID_CURSOR.type());
		problem.setTitle(SearchProblem.INVALID_CURSOR.title());
		problem.setProperty("parameter", "cursor");
		problem.setProperty("position", 1);
		problem.setProperty("reason", ex.getMessage());
		return problem;
	}

	private static ProblemDetail problem(int position, String detail, String reason, String parameter) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(SearchProblem.INVALID_QUERY.status(), detail);
		problem.setType(SearchProblem.INVALID_QUERY.type());
		problem.setTitle(SearchProblem.INVALID_QUERY.title());
		problem.setProperty("parameter", parameter);
		problem.setProperty("position", position);
		problem.setProperty("reason", reason);
		return problem;
	}

}
