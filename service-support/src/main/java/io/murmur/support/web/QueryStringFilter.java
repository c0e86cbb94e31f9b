package io.murmur.support.web;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.web.filter.OncePerRequestFilter;

import io.murmur.support.problem.CommonProblem;

/**
 * Refuses a query string that is not well-formed percent-encoded UTF-8 with a 400
 * problem, before anyone reads a parameter. Tomcat parses all parameters at the first
 * read of any one of them, and fails that read with an exception when one holds a bad
 * escape or invalid UTF-8 ({@code ?limit=%ff%fe}); the first reader is often a filter
 * (the bearer token resolver looks for {@code access_token}), so without this check such
 * a request, even with a parameter no route uses, ended in a 500.
 */
class QueryStringFilter extends OncePerRequestFilter {

	private final Problems problems;

	QueryStringFilter(Problems problems) {
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String query = request.getQueryString();
		if (query != null && !isWellFormed(query)) {
			this.problems.write(request, response, CommonProblem.MALFORMED_REQUEST,
					"The query string is not valid percent-encoded UTF-8");
			return;
		}
		chain.doFilter(request, response);
	}

	/**
	 * Whether every escape of a query string is complete and the bytes of every parameter
	 * name and value decode as UTF-8.
	 * @param query the raw query string
	 * @return whether Tomcat can parse it
	 */
	static boolean isWellFormed(@Nullable String query) {
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
