package io.murmur.search.web;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.http.HttpStatus;

import io.murmur.support.web.ProblemException;
import io.murmur.support.problem.ProblemType;

/**
 * The problems of search-service.
 */
final class SearchProblem {

	/**
	 * A post query that does not parse; the problem names the position and the reason.
	 */
	static final ProblemType INVALID_QUERY = ProblemType.of("invalid-query", "Invalid query", HttpStatus.BAD_REQUEST);

	/** A cursor this search did not hand out, or one of another sort. */
	static final ProblemType INVALID_CURSOR = ProblemType.of("invalid-cursor", "Invalid cursor",
			HttpStatus.BAD_REQUEST);

	/** Elasticsearch could not answer. */
	static final ProblemType SEARCH_UNAVAILABLE = ProblemType.of("search-unavailable", "Search unavailable",
			HttpStatus.SERVICE_UNAVAILABLE);

	private static final Log log = LogFactory.getLog(SearchProblem.class);

	private SearchProblem() {
	}

	/**
	 * The answer to a search Elasticsearch could not serve, logged with its cause: the
	 * client sees only that search is unavailable, the operator sees why.
	 * @param cause what the client raised
	 * @return the problem to throw
	 */
	static ProblemException unavailable(Exception cause) {
		log.warn("Elasticsearch could not answer a search: " + cause);
		return new ProblemException(SEARCH_UNAVAILABLE, "Search cannot answer right now");
	}

}
