package io.murmur.support.web;

import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * User ids as they travel in JSON, paths, parameters and token subjects: positive decimal
 * strings that fit a {@code long}, the form user-service issues them in.
 */
public final class UserIds {

	private static final Pattern DECIMAL = Pattern.compile("[1-9][0-9]{0,18}");

	private UserIds() {
	}

	/**
	 * Parses an id.
	 * @param id the id as text
	 * @return the id, or empty if the text is not a positive decimal {@code long}
	 */
	public static OptionalLong parse(String id) {
		if (!DECIMAL.matcher(id).matches()) {
			return OptionalLong.empty();
		}
		try {
			return OptionalLong.of(Long.parseLong(id));
		}
		catch (NumberFormatException ex) {
			return OptionalLong.empty();
		}
	}

	/**
	 * Parses an id from a request.
	 * @param field the path variable or parameter the id came in, named in the problem
	 * @param id the id as text
	 * @return the id
	 * @throws ProblemException ({@code validation-failed}) if the text is not a positive
	 * decimal {@code long}
	 */
	public static long parse(String field, String id) {
		return parse(id)
			.orElseThrow(() -> ProblemException.invalidField(field, "must be a user id: a positive decimal string"));
	}

}
