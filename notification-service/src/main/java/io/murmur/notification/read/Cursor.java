package io.murmur.notification.read;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.OptionalLong;

import org.jspecify.annotations.Nullable;

import io.murmur.support.web.ProblemException;
import io.murmur.support.web.UserIds;

/**
 * Where a page starts: below the id of the last notification (or group's newest
 * notification) of the previous page. Opaque to clients; a cursor that was not made here
 * is a {@code validation-failed} problem.
 */
final class Cursor {

	private static final String PREFIX = "n:";

	private Cursor() {
	}

	static String after(long id) {
		return Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString((PREFIX + id).getBytes(StandardCharsets.US_ASCII));
	}

	/**
	 * The id a page starts below.
	 * @param cursor the cursor, or {@code null} for the first page
	 * @return the id, {@link Long#MAX_VALUE} for the first page
	 */
	static long decode(@Nullable String cursor) {
		if (cursor == null) {
			return Long.MAX_VALUE;
		}
		String decoded;
		try {
			decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
		}
		catch (IllegalArgumentException ex) {
			throw invalid();
		}
		OptionalLong id = decoded.startsWith(PREFIX) ? UserIds.parse(decoded.substring(PREFIX.length()))
				: OptionalLong.empty();
		return id.orElseThrow(Cursor::invalid);
	}

	private static ProblemException invalid() {
		return ProblemException.invalidField("cursor", "must be the nextCursor of a previous page");
	}

}
