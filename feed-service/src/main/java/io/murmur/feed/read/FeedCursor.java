package io.murmur.feed.read;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.jspecify.annotations.Nullable;

import io.murmur.feed.store.FeedEntry.Position;
import io.murmur.support.web.ProblemException;

/**
 * The opaque cursor of a feed page: the position of the last entry the page covered. A
 * position names an entry by its time and post id, which never change for an entry, so
 * pages continue exactly where the previous one stopped however many posts arrive on top,
 * and whether Redis still has the feed or rebuilt it meanwhile.
 */
final class FeedCursor {

	private static final String VERSION = "f1";

	private FeedCursor() {
	}

	static String of(Position position) {
		String plain = VERSION + ":" + position.time() + ":" + position.postId();
		return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.US_ASCII));
	}

	static @Nullable Position parse(@Nullable String cursor) {
		if (cursor == null || cursor.isEmpty()) {
			return null;
		}
		try {
			String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII).split(":");
			if (parts.length == 3 && VERSION.equals(parts[0])) {
				long time = Long.parseLong(parts[1]);
				long postId = Long.parseLong(parts[2]);
				if (time >= 0 && postId > 0) {
					return new Position(time, postId);
				}
			}
		}
		catch (IllegalArgumentException ex) {
			// falls through to the problem below
		}
		throw ProblemException.invalidField("cursor", "is not a cursor of this feed");
	}

}
