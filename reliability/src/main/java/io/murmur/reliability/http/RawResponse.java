package io.murmur.reliability.http;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A response as it came off the wire.
 *
 * @param status the status code
 * @param headers the headers, names in lower case
 * @param body the body, decoded as UTF-8 (chunks joined)
 */
public record RawResponse(int status, Map<String, List<String>> headers, String body) {

	/**
	 * One header.
	 * @param name its name, in any case
	 * @return its first value, or {@code null}
	 */
	public @Nullable String header(String name) {
		List<String> values = this.headers.get(name.toLowerCase(Locale.ROOT));
		return (values != null && !values.isEmpty()) ? values.get(0) : null;
	}

	@Override
	public String toString() {
		String shown = (this.body.length() > 300) ? this.body.substring(0, 300) + "..." : this.body;
		return this.status + " " + header("Content-Type") + " " + shown;
	}

}
