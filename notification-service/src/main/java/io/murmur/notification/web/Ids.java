package io.murmur.notification.web;

import java.util.OptionalLong;

import io.murmur.support.web.ProblemException;
import io.murmur.support.web.UserIds;

/**
 * Notification ids as they travel in JSON, cursors and {@code Last-Event-ID}: positive
 * decimal strings that fit a {@code long}.
 */
public final class Ids {

	private Ids() {
	}

	/**
	 * Parses a notification id from a request.
	 * @param field the field or header it came in, named in the problem
	 * @param id the id as text
	 * @return the id
	 * @throws ProblemException ({@code validation-failed}) if it is not an id
	 */
	public static long notification(String field, String id) {
		OptionalLong parsed = UserIds.parse(id.strip());
		if (parsed.isEmpty()) {
			throw ProblemException.invalidField(field, "must be a notification id: a positive decimal string");
		}
		return parsed.getAsLong();
	}

}
