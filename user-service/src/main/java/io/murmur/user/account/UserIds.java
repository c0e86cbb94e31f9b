package io.murmur.user.account;

import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * Ids as they travel in JSON and paths: positive decimal strings that fit a {@code long}.
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

}
