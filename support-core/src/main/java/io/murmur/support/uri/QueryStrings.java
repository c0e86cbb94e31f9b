package io.murmur.support.uri;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;

/**
 * The check that a query string can be parsed: every escape complete, every parameter
 * name and value valid UTF-8 once decoded. Tomcat fails the first parameter read of a
 * request whose query string is not, and an ordinary URI parser refuses it; both the
 * gateway and the services refuse such a request with 400 at once.
 */
public final class QueryStrings {

	private QueryStrings() {
	}

	/**
	 * Whether every escape of a query string is complete and the bytes of every parameter
	 * name and value decode as UTF-8.
	 * @param query the raw query string
	 * @return whether Tomcat can parse it
	 */
	public static boolean isWellFormed(@Nullable String query) {
		if (query == null) {
			return true;
		}
		for (String pair : query.split("&", -1)) {
			for (String part : pair.split("=", 2)) {
				if (!decodes(part)) {
					return false;
				}
			}
		}
		return true;
	}

	private static boolean decodes(String part) {
		if (part.indexOf('%') < 0) {
			return true;
		}
		ByteBuffer bytes = ByteBuffer.allocate(part.length() * 4);
		for (int i = 0; i < part.length(); i++) {
			char c = part.charAt(i);
			if (c == '%') {
				if (i + 2 >= part.length()) {
					return false;
				}
				int high = Character.digit(part.charAt(i + 1), 16);
				int low = Character.digit(part.charAt(i + 2), 16);
				if (high < 0 || low < 0) {
					return false;
				}
				bytes.put((byte) ((high << 4) + low));
				i += 2;
			}
			else if (c < 256) {
				bytes.put((byte) c);
			}
			else {
				bytes.put(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
			}
		}
		bytes.flip();
		try {
			StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(bytes);
			return true;
		}
		catch (CharacterCodingException ex) {
			return false;
		}
	}

}
