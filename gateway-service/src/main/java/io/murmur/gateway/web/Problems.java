package io.murmur.gateway.web;

import java.net.URI;
import java.nio.charset.StandardCharsets;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;

/**
 * RFC 9457 problem responses written by the gateway itself, with a stable {@code type}
 * per kind of error.
 */
public final class Problems {

	/** The media type of every error response. */
	public static final MediaType MEDIA_TYPE = MediaType.APPLICATION_PROBLEM_JSON;

	private static final String TYPE_BASE = "https://murmur.example/problems/";

	private static final JsonMapper json = JsonMapper.builder().build();

	private Problems() {
	}

	/**
	 * A problem with a stable type.
	 * @param status the HTTP status
	 * @param type the last segment of the type URI, e.g. {@code unauthorized}
	 * @param title a short summary that does not change between occurrences
	 * @param detail this occurrence
	 * @return the problem
	 */
	public static ProblemDetail of(HttpStatus status, String type, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create(TYPE_BASE + type));
		problem.setTitle(title);
		return problem;
	}

	/**
	 * Writes a problem as the response, unless the response is already committed.
	 * @param exchange the exchange
	 * @param problem the problem
	 * @return completion
	 */
	public static Mono<Void> write(ServerWebExchange exchange, ProblemDetail problem) {
		ServerHttpResponse response = exchange.getResponse();
		if (response.isCommitted()) {
			return Mono.empty();
		}
		problem.setInstance(URI.create(exchange.getRequest().getPath().value()));
		response.setStatusCode(HttpStatus.valueOf(problem.getStatus()));
		response.getHeaders().setContentType(MEDIA_TYPE);
		byte[] body = json.writeValueAsString(problem).getBytes(StandardCharsets.UTF_8);
		DataBuffer buffer = response.bufferFactory().wrap(body);
		return response.writeWith(Mono.just(buffer));
	}

}
