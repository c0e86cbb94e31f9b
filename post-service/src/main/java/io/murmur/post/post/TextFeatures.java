package io.murmur.post.post;

import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the service reads out of a post's text: its length as users count it, and its
 * mentions and hashtags.
 * <p>
 * Length is counted in code points after Unicode NFC normalisation, so an accented letter
 * counts once whether it was typed precomposed or as a letter and a combining mark, and
 * an emoji outside the Basic Multilingual Plane counts once, not as two UTF-16 units. A
 * mention is {@code @} and a handle as user-service allows them (3 to 30 ASCII letters,
 * digits and underscores) not preceded by a word character, so an email address is not a
 * mention. A hashtag is {@code #} and a letter followed by letters, digits and
 * underscores, stored in lower case.
 */
final class TextFeatures {

	static final int MAX_LENGTH = 280;

	static final int MAX_MENTIONS = 10;

	private static final Pattern MENTION = Pattern
		.compile("(?<![\\p{L}\\p{N}_@])@([A-Za-z0-9_]{3,30})(?![A-Za-z0-9_])");

	private static final Pattern HASHTAG = Pattern.compile("(?<![\\p{L}\\p{N}_#&])#(\\p{L}[\\p{L}\\p{N}_]{0,99})");

	private TextFeatures() {
	}

	static String normalize(String text) {
		return Normalizer.normalize(text, Normalizer.Form.NFC);
	}

	static int length(String normalized) {
		return normalized.codePointCount(0, normalized.length());
	}

	/**
	 * The distinct handles mentioned, in lower case, in order of first appearance, at
	 * most {@value #MAX_MENTIONS}.
	 */
	static List<String> mentions(String text) {
		Set<String> handles = new LinkedHashSet<>();
		Matcher matcher = MENTION.matcher(text);
		while (matcher.find() && handles.size() < MAX_MENTIONS) {
			handles.add(matcher.group(1).toLowerCase(Locale.ROOT));
		}
		return List.copyOf(handles);
	}

	/**
	 * The distinct hashtags, in lower case and without {@code #}, in order of first
	 * appearance.
	 */
	static List<String> hashtags(String text) {
		Set<String> tags = new LinkedHashSet<>();
		Matcher matcher = HASHTAG.matcher(text);
		while (matcher.find()) {
			tags.add(matcher.group(1).toLowerCase(Locale.ROOT));
		}
		return List.copyOf(tags);
	}

}
