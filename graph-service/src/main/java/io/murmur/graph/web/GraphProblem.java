package io.murmur.graph.web;

import org.springframework.http.HttpStatus;

import io.murmur.support.web.ProblemType;

/**
 * The problems of graph-service's own, beside the
 * {@link io.murmur.support.web.CommonProblem common ones}.
 */
public enum GraphProblem implements ProblemType.Defined {

	/** A user tried to follow or unfollow themselves. */
	CANNOT_FOLLOW_SELF(ProblemType.of("cannot-follow-self", "Cannot follow yourself", HttpStatus.BAD_REQUEST)),

	/** No user has this id. */
	USER_NOT_FOUND(ProblemType.of("user-not-found", "User not found", HttpStatus.NOT_FOUND));

	private final ProblemType definition;

	GraphProblem(ProblemType definition) {
		this.definition = definition;
	}

	@Override
	public ProblemType definition() {
		return this.definition;
	}

}
