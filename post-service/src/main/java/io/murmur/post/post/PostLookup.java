package io.murmur.post.post;

import org.springframework.stereotype.Component;

import io.murmur.support.web.ProblemException;

/**
 * Finds the post a request acts on, or ends the request with {@code post-not-found}.
 */
@Component
public class PostLookup {

	private final PostRepository posts;

	PostLookup(PostRepository posts) {
		this.posts = posts;
	}

	/**
	 * The post with an id.
	 * @param id the id
	 * @return the post or repost entry
	 * @throws ProblemException ({@code post-not-found}) if there is none
	 */
	public Post find(long id) {
		return this.posts.findById(id).orElseThrow(PostLookup::notFound);
	}

	/**
	 * The post with an id, or the original post if the id is a repost entry's: what a
	 * like or a repost acts on.
	 * @param id the id
	 * @return the original post
	 * @throws ProblemException ({@code post-not-found}) if there is none
	 */
	public Post original(long id) {
		Post post = find(id);
		return post.isRepost() ? find(post.repostOf()) : post;
	}

	static ProblemException notFound() {
		return new ProblemException(PostProblem.POST_NOT_FOUND, "No post has this id");
	}

}
