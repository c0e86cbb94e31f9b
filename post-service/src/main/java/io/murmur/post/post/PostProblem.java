package io.murmur.post.post;

import org.springframework.http.HttpStatus;

import io.murmur.support.problem.ProblemType;

/**
 * The problems of post-service's own, beside the
 * {@link io.murmur.support.problem.CommonProblem common ones}.
 */
final class PostProblem {

	/** No post has this id, or it was deleted. */
	static final ProblemType POST_NOT_FOUND = ProblemType.of("post-not-found", "Post not found", HttpStatus.NOT_FOUND);

	private PostProblem() {
	}

}
