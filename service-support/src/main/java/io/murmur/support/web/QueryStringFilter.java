package io.murmur.support.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

import io.murmur.support.problem.CommonProblem;
import io.murmur.support.uri.QueryStrings;

/**
 * Refuses a query string that is not well-formed percent-encoded UTF-8 with a 400
 * problem, before anyone reads a parameter. Tomcat parses all parameters at the first
 * read of any one of them and fails that read with an exception when one holds a bad
 * escape or invalid UTF-8 ({@code ?limit=%ff%fe}), so such a request to any route that
 * reads a parameter ended in a 500, even when the bad one was a parameter the route does
 * not use.
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
		if (!QueryStrings.isWellFormed(query)) {
			this.problems.write(request, response, CommonProblem.MALFORMED_REQUEST,
					"The query string is not valid percent-encoded UTF-8");
			return;
		}
		chain.doFilter(request, response);
	}

}
