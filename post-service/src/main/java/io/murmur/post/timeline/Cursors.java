package io.murmur.post.timeline;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.jspecify.annotations.Nullable;

import io.murmur.support.problem.CommonProblem;
import io.murmur.support.web.ProblemException;

/**
 * Opaque page cursors: base64url text that names where the previous page ended. A
 * timeline cursor holds the month bucket and the id of the last entry shown; a replies
 * cursor the id of the last reply shown. Clients must not build or read them.
 */
final class Cursors {

	private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

	private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

	private Cursors() {
	}

	static String timeline(int bucket, long lastId) {
		return encode("t1:" + bucket + ":" + lastId);
	}

	static @Nullable TimelinePosition timeline(@Nullable String cursor) {
		if (cursor == null) {
			return null;
		}
		String[] parts = decode(cursor).split(":");
		if (parts.length != 3 || !parts[0].equals("t1")) {
			throw malformed();
		}
		try {
			int bucket = Integer.parseInt(parts[1]);
			long lastId = Long.parseLong(parts[2]);
			if (bucket < 0 || lastId <= 0) {
				throw malformed();
			}
			return new TimelinePosition(bucket, lastId);
		}
		catch (NumberFormatException ex) {
			throw malformed();
		}
	}

	static String replies(long lastId) {
		return encode("r1:" + lastId);
	}

	static @Nullable Long replies(@Nullable String cursor) {
		if (cursor == null) {
			return null;
		}
		String text = decode(cursor);
		if (!text.startsWith("r1:")) {
			throw malformed();
		}
		try {
			long lastId = Long.parseLong(text.substring(3));
			if (lastId <= 0) {
				throw malformed();
			}
			return lastId;
		}
		catch (NumberFormatException ex) {
			throw malformed();
		}
	}

	private static String encode(String text) {
		return ENCODER.encodeToString(text.getBytes(StandardCharsets.UTF_8));
	}

	private static String decode(String cursor) {
		try {
			return new String(DECODER.decode(cursor), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			throw malformed();
		}
	}

	private static ProblemException malformed() {
		return new ProblemException(CommonProblem.MALFORMED_REQUEST, "The cursor is not one this service issued");
	}

	record TimelinePosition(int bucket, long lastId) {

	}

}
