package io.murmur.localstack.platform.seed;

import java.time.Duration;
import java.util.Locale;

/**
 * What a seeding did, step by step, and a person to sign in as.
 *
 * @param users the accounts, registered now or found
 * @param follows the follows, made now or found
 * @param posts the posts, written now or found
 * @param sample the best connected person
 */
public record SeedReport(Step users, Step follows, Step posts, SampleUser sample) {

	/**
	 * Whether this run changed nothing: everything was already there.
	 * @return {@code true} if nothing was created
	 */
	public boolean createdNothing() {
		return this.users.created() == 0 && this.follows.created() == 0 && this.posts.created() == 0;
	}

	/**
	 * A duration as people read it: {@code 4.2 s}, {@code 3m 05s}.
	 * @param duration the duration
	 * @return the text
	 */
	static String format(Duration duration) {
		long seconds = duration.toSeconds();
		return (seconds < 60) ? String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0)
				: String.format(Locale.ROOT, "%dm %02ds", seconds / 60, seconds % 60);
	}

	/**
	 * One step of the seeding.
	 *
	 * @param total the items there are after the step
	 * @param created the items this run created
	 * @param took how long the step took
	 */
	public record Step(int total, int created, Duration took) {

	}

	/**
	 * A seeded person.
	 *
	 * @param handle their handle
	 * @param id their user id
	 * @param friends how many people they follow and are followed by
	 */
	public record SampleUser(String handle, String id, int friends) {

	}

}
