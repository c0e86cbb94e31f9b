package io.murmur.post.engagement;

/**
 * Takes back a like or repost whose event could not be stored, so that a retry of the
 * request records it again instead of finding it done.
 */
final class Undo {

	private Undo() {
	}

	/**
	 * Runs the undo; a failure of it is added to the original failure, which the caller
	 * rethrows.
	 * @param undo what to take back
	 * @param failure why
	 */
	static void bestEffort(Runnable undo, RuntimeException failure) {
		try {
			undo.run();
		}
		catch (RuntimeException ex) {
			failure.addSuppressed(ex);
		}
	}

}
