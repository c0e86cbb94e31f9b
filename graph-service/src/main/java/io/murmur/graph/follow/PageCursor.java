package io.murmur.graph.follow;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import io.murmur.support.web.ProblemException;

/**
 * Where a page of followers or following continues: after the follow with this
 * {@code since} and user id, in newest-first order. Opaque to clients (URL-safe Base64),
 * so its form may change.
 *
 * @param since the {@code since} of the last follow on the previous page, epoch
 * milliseconds
 * @param userId the other user of that follow, which breaks ties between follows of the
 * same millisecond
 */
record PageCursor(long since, long userId) {

	static final PageCursor FIRST = new PageCursor(Long.MAX_VALUE, Long.MAX_VALUE);

	private static final Pattern FORM = Pattern.compile("([0-9]{1,19}):([1-9][0-9]{0,18})");

	String encode() {
		return Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString((this.since + ":" + this.userId).getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * Reads a cursor a client sent back.
	 * @param cursor the cursor, or {@code null} for the first page
	 * @return the position to continue after
	 * @throws ProblemException ({@code validation-failed}) if it is not a cursor of this
	 * service
	 */
	static PageCursor decode(@Nullable String cursor) {
		if (cursor == null || cursor.isEmpty()) {
			return FIRST;
		}
		try {
			String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
			Matcher matcher = FORM.matcher(text);
			if (matcher.matches()) {
				return new PageCursor(Long.parseLong(matcher.group(1)), Long.parseLong(matcher.group(2)));
			}
		}
		catch (IllegalArgumentException ex) {
			throw invalid();
		}
		throw invalid();
	}

	private static ProblemException invalid() {
		return ProblemException.invalidField("cursor", "is not a cursor this service issued");
	}

}
