package io.murmur.support.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import io.murmur.support.problem.CommonProblem;

/**
 * Refuses a request whose {@code Content-Type} is a wildcard ({@code *}{@code /*},
 * {@code application/*}) with a 415 problem. Spring MVC reads the content type of a body
 * into headers that do not allow a wildcard and fails with an exception no handler
 * expects, so such a request to any route with a body ended in a 500.
 */
class ContentTypeFilter extends OncePerRequestFilter {

	private final Problems problems;

	ContentTypeFilter(Problems problems) {
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String contentType = request.getContentType();
		if (contentType != null && isWildcard(contentType)) {
			this.problems.write(request, response, CommonProblem.UNSUPPORTED_MEDIA_TYPE,
					"The content type of a request body must name one type, not a wildcard");
			return;
		}
		chain.doFilter(request, response);
	}

	private static boolean isWildcard(String contentType) {
		try {
			MediaType type = MediaType.parseMediaType(contentType);
			return type.isWildcardType() || type.isWildcardSubtype();
		}
		catch (InvalidMediaTypeException ex) {
			return false;
		}
	}

}
