package io.murmur.support.web;

import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

import io.murmur.support.problem.ProblemType;

/**
 * Builds problem details and writes them where Spring MVC does not: in servlet filters,
 * the security entry points and the error page. A bean of every service.
 */
public class Problems {

	private final JsonMapper jsonMapper;

	Problems(JsonMapper jsonMapper) {
		this.jsonMapper = jsonMapper;
	}

	/**
	 * A problem detail of the given type.
	 * @param type the type
	 * @param detail the detail, for people
	 * @return the problem detail
	 */
	public static ProblemDetail of(ProblemType type, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(type.status(), detail);
		return typed(problem, type);
	}

	static ProblemDetail typed(ProblemDetail problem, ProblemType type) {
		problem.setType(type.type());
		problem.setTitle(type.title());
		return problem;
	}

	static ProblemDetail withErrors(ProblemDetail problem, List<InvalidField> errors) {
		if (!errors.isEmpty()) {
			problem.setProperty("errors", errors);
		}
		return problem;
	}

	/**
	 * Writes a problem as the response, with its status and
	 * {@code application/problem+json}.
	 * @param request the request, whose path becomes the problem's instance
	 * @param response the response, not yet committed
	 * @param type the problem type
	 * @param detail the detail, for people
	 * @throws IOException if the response cannot be written
	 */
	public void write(HttpServletRequest request, HttpServletResponse response, ProblemType type, String detail)
			throws IOException {
		ProblemDetail problem = of(type, detail);
		problem.setInstance(instance(request.getRequestURI()));
		write(response, problem);
	}

	static @Nullable URI instance(String path) {
		try {
			return URI.create(path);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
		response.setStatus(problem.getStatus());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		this.jsonMapper.writeValue(response.getOutputStream(), body(problem));
	}

	/**
	 * A problem as JSON text, for the servlet container's own error responses, which are
	 * written before any servlet is reached.
	 * @param problem the problem
	 * @return the JSON
	 */
	String json(ProblemDetail problem) {
		return this.jsonMapper.writeValueAsString(body(problem));
	}

	private static Map<String, @Nullable Object> body(ProblemDetail problem) {
		Map<String, @Nullable Object> body = new LinkedHashMap<>();
		body.put("type", (problem.getType() != null) ? problem.getType().toString() : "about:blank");
		body.put("title", problem.getTitle());
		body.put("status", problem.getStatus());
		body.put("detail", problem.getDetail());
		if (problem.getInstance() != null) {
			body.put("instance", problem.getInstance().toString());
		}
		if (problem.getProperties() != null) {
			body.putAll(problem.getProperties());
		}
		return body;
	}

}
