package io.murmur.support.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.jspecify.annotations.Nullable;

import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

import io.murmur.support.problem.CommonProblem;

/**
 * Tomcat's last word on an error, in place of its HTML error report: a problem of the
 * generic type of the status. Tomcat refuses some requests before any filter or servlet
 * sees them (an encoded NUL, slash or backslash in the path, invalid UTF-8 in the path, a
 * path that climbs above the root, a malformed header) and answers those through this
 * valve only; without it they got a bare 400 or an HTML page.
 */
class ProblemReportValve extends ErrorReportValve {

	private final Problems problems;

	ProblemReportValve(Problems problems) {
		this.problems = problems;
		setShowReport(false);
		setShowServerInfo(false);
	}

	@Override
	protected void report(Request request, Response response, @Nullable Throwable throwable) {
		int status = response.getStatus();
		if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
			return;
		}
		AtomicBoolean ioAllowed = new AtomicBoolean(true);
		response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
		if (!ioAllowed.get()) {
			return;
		}
		ProblemDetail problem = Problems.of(CommonProblem.forStatus(status),
				(status >= 500) ? "The service failed to process the request" : "The request cannot be processed");
		problem.setStatus(status);
		try {
			byte[] body = this.problems.json(problem).getBytes(StandardCharsets.UTF_8);
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.setContentLength(body.length);
			response.setHeader(SecurityHeadersFilter.CONTENT_TYPE_OPTIONS, SecurityHeadersFilter.NOSNIFF);
			response.getOutputStream().write(body);
			response.finishResponse();
		}
		catch (IOException | IllegalStateException ex) {
			// The client is gone or the response cannot take a body any more.
		}
	}

}
