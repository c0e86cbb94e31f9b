package io.murmur.feed.store;

/**
 * The Redis keys of a feed and of an author's cache. Every key of one user carries the
 * user id as its hash tag ({@code {42}}), so that on Redis Cluster they share a slot and
 * the scripts that touch several of them at once stay legal.
 */
final class FeedKeys {

	private FeedKeys() {
	}

	static String feed(long userId) {
		return "feed:{" + userId + "}";
	}

	static String feedMeta(long userId) {
		return feed(userId) + ":meta";
	}

	static String feedReposts(long userId) {
		return feed(userId) + ":reposts";
	}

	static String following(long userId) {
		return feed(userId) + ":following";
	}

	static String celebrities(long userId) {
		return feed(userId) + ":celebrities";
	}

	/**
	 * The authors whose posts fan-out last decided to pull: few, so one key.
	 */
	static String pulledAuthors() {
		return "feed:pulled-authors";
	}

	static String author(long authorId) {
		return "author:{" + authorId + "}";
	}

	static String authorMeta(long authorId) {
		return author(authorId) + ":meta";
	}

	static String authorReposts(long authorId) {
		return author(authorId) + ":reposts";
	}

	static String followers(long authorId) {
		return "followers:{" + authorId + "}";
	}

	static String followersState(long authorId) {
		return followers(authorId) + ":state";
	}

	/**
	 * A post id as a sorted-set member: zero-padded to 19 digits, so that members with
	 * the same score sort by id.
	 */
	static String member(long postId) {
		String digits = Long.toString(postId);
		return "0".repeat(19 - digits.length()) + digits;
	}

}
