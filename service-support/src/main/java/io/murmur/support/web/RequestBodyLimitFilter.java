package io.murmur.support.web;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;

import org.springframework.web.filter.OncePerRequestFilter;

import io.murmur.support.problem.CommonProblem;

/**
 * Refuses request bodies over the configured size with 413: at once when the declared
 * {@code Content-Length} is too large, and while reading when a body without one
 * (chunked) grows too large. Runs before everything else, so that no one reads a large
 * body. {@code /internal/**}, which the gateway never routes, has a limit of its own for
 * the bulk calls of other services and operators, and so do {@code multipart/form-data}
 * bodies, for a service that takes uploads while its JSON bodies stay small.
 */
class RequestBodyLimitFilter extends OncePerRequestFilter {

	private final long limit;

	private final long internalLimit;

	private final long multipartLimit;

	private final Problems problems;

	RequestBodyLimitFilter(long limit, long internalLimit, long multipartLimit, Problems problems) {
		this.limit = limit;
		this.internalLimit = internalLimit;
		this.multipartLimit = multipartLimit;
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long limit = request.getRequestURI().startsWith("/internal/") ? this.internalLimit
				: isMultipart(request) ? this.multipartLimit : this.limit;
		if (request.getContentLengthLong() > limit) {
			this.problems.write(request, response, CommonProblem.PAYLOAD_TOO_LARGE,
					"The request body is larger than " + limit + " bytes");
			return;
		}
		chain.doFilter(new LimitedRequest(request, limit), response);
	}

	private static boolean isMultipart(HttpServletRequest request) {
		String type = request.getContentType();
		return type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/form-data");
	}

	private static final class LimitedRequest extends HttpServletRequestWrapper {

		private final long limit;

		private @Nullable ServletInputStream inputStream;

		LimitedRequest(HttpServletRequest request, long limit) {
			super(request);
			this.limit = limit;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (this.inputStream == null) {
				this.inputStream = new LimitedInputStream(super.getInputStream(), this.limit);
			}
			return this.inputStream;
		}

		@Override
		public BufferedReader getReader() throws IOException {
			String encoding = getCharacterEncoding();
			Charset charset = (encoding != null) ? Charset.forName(encoding) : StandardCharsets.UTF_8;
			return new BufferedReader(new InputStreamReader(getInputStream(), charset));
		}

	}

	private static final class LimitedInputStream extends ServletInputStream {

		private final ServletInputStream delegate;

		private final long limit;

		private long count;

		LimitedInputStream(ServletInputStream delegate, long limit) {
			this.delegate = delegate;
			this.limit = limit;
		}

		@Override
		public int read() throws IOException {
			int read = this.delegate.read();
			if (read >= 0) {
				count(1);
			}
			return read;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int read = this.delegate.read(buffer, offset, length);
			if (read > 0) {
				count(read);
			}
			return read;
		}

		private void count(int read) throws PayloadTooLargeException {
			this.count += read;
			if (this.count > this.limit) {
				throw new PayloadTooLargeException(this.limit);
			}
		}

		@Override
		public boolean isFinished() {
			return this.delegate.isFinished();
		}

		@Override
		public boolean isReady() {
			return this.delegate.isReady();
		}

		@Override
		public void setReadListener(ReadListener listener) {
			this.delegate.setReadListener(listener);
		}

	}

}
