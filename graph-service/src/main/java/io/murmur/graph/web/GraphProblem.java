package io.murmur.graph.web;

import org.springframework.http.HttpStatus;

import io.murmur.support.problem.ProblemType;

/**
 * The problems of graph-service's own, beside the
 * {@link io.murmur.support.problem.CommonProblem common ones}.
 */
public final class GraphProblem {

	/** A user tried to follow or unfollow themselves. */
	public static final ProblemType CANNOT_FOLLOW_SELF = ProblemType.of("cannot-follow-self", "Cannot follow yourself",
			HttpStatus.BAD_REQUEST);

	/** No user has this id. */
	public static final ProblemType USER_NOT_FOUND = ProblemType.of("user-not-found", "User not found",
			HttpStatus.NOT_FOUND);

	private GraphProblem() {
	}

}
