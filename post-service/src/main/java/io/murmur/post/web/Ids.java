package io.murmur.post.web;

import org.jspecify.annotations.Nullable;

import io.murmur.support.problem.CommonProblem;
import io.murmur.support.web.ProblemException;

/**
 * Reads the decimal ids of posts, users and media that the API carries as strings.
 */
public final class Ids {

	private Ids() {
	}

	/**
	 * An id from its decimal form.
	 * @param value the text
	 * @return the id, or {@code null} if the text is not a positive 64-bit decimal
	 */
	public static @Nullable Long parse(@Nullable String value) {
		if (value == null || value.isEmpty() || value.length() > 19
				|| !value.chars().allMatch((c) -> c >= '0' && c <= '9')) {
			return null;
		}
		try {
			long id = Long.parseLong(value);
			return (id > 0) ? id : null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	/**
	 * An id that Bean Validation has checked with {@link DecimalId}.
	 * @param value the valid id
	 * @return the id
	 * @throws IllegalArgumentException if it is not an id after all
	 */
	public static long valid(String value) {
		Long id = parse(value);
		if (id == null) {
			throw new IllegalArgumentException("Not an id: " + value);
		}
		return id;
	}

	/**
	 * An id taken from the request path.
	 * @param value the path segment
	 * @param what what the id names, for the problem detail
	 * @return the id
	 * @throws ProblemException if the segment is not an id
	 */
	public static long path(String value, String what) {
		Long id = parse(value);
		if (id == null) {
			throw new ProblemException(CommonProblem.MALFORMED_REQUEST, "'" + value + "' is not a " + what + " id");
		}
		return id;
	}

}
