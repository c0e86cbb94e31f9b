package io.murmur.support.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Sets {@code X-Content-Type-Options: nosniff} on every response, ahead of every other
 * filter: the security chain sets it too, but not on what a filter before it answers (a
 * body too large, a malformed query string).
 */
class SecurityHeadersFilter extends OncePerRequestFilter {

	static final String CONTENT_TYPE_OPTIONS = "X-Content-Type-Options";

	static final String NOSNIFF = "nosniff";

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		response.setHeader(CONTENT_TYPE_OPTIONS, NOSNIFF);
		chain.doFilter(request, response);
	}

	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		return false;
	}

}
