package io.murmur.post.post;

import org.springframework.http.HttpStatus;

import io.murmur.support.web.ProblemType;

/**
 * The problems of post-service's own, beside the
 * {@link io.murmur.support.web.CommonProblem common ones}.
 */
enum PostProblem implements ProblemType.Defined {

	/** No post has this id, or it was deleted. */
	POST_NOT_FOUND(ProblemType.of("post-not-found", "Post not found", HttpStatus.NOT_FOUND));

	private final ProblemType definition;

	PostProblem(ProblemType definition) {
		this.definition = definition;
	}

	@Override
	public ProblemType definition() {
		return this.definition;
	}

}
