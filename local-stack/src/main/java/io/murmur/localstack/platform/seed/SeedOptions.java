package io.murmur.localstack.platform.seed;

import java.nio.file.Path;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * What {@code ./platform seed} loads and how.
 *
 * @param edges the edge list to load
 * @param postsPerUser how many posts each person should have, 0 to 100
 * @param password every account's password, or {@code null} for the one kept in
 * {@code .platform/seed.properties}
 * @param concurrency how many requests may be in flight at once, 1 to 256
 * @param handlePrefix what each handle starts with; the node id follows
 */
public record SeedOptions(Path edges, int postsPerUser, @Nullable String password, int concurrency,
		String handlePrefix) {

	public static final int DEFAULT_POSTS_PER_USER = 3;

	public static final int DEFAULT_CONCURRENCY = 16;

	public static final String DEFAULT_HANDLE_PREFIX = "reed_";

	private static final Pattern HANDLE_PREFIX = Pattern.compile("[A-Za-z0-9_]{1,20}");

	public SeedOptions {
		if (postsPerUser < 0 || postsPerUser > Seeder.MAX_POSTS_PER_USER) {
			throw new IllegalArgumentException("--posts-per-user must be between 0 and " + Seeder.MAX_POSTS_PER_USER
					+ ", not " + postsPerUser + ".");
		}
		if (concurrency < 1 || concurrency > 256) {
			throw new IllegalArgumentException("--concurrency must be between 1 and 256, not " + concurrency + ".");
		}
		if (!HANDLE_PREFIX.matcher(handlePrefix).matches()) {
			throw new IllegalArgumentException("--prefix must be 1 to 20 of A-Z, a-z, 0-9 and _, not '" + handlePrefix
					+ "': handles are at most 30 characters, node id included.");
		}
	}

}
