package io.murmur.gateway.web;

import java.net.URI;
import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;

import io.murmur.support.problem.CommonProblem;
import io.murmur.support.problem.ProblemType;

/**
 * RFC 9457 problem responses written by the gateway itself, with a stable {@code type}
 * per kind of error.
 */
public final class Problems {

	/** The media type of every error response. */
	public static final MediaType MEDIA_TYPE = MediaType.APPLICATION_PROBLEM_JSON;

	/**
	 * Writes a problem as Spring MVC does in the services: its extra properties at the
	 * top level and nothing empty, never {@code "properties": null}.
	 */
	private static final JsonMapper json = JsonMapper.builder()
		.addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class)
		.build();

	private Problems() {
	}

	/**
	 * A problem of one of the types every service shares.
	 * @param type the type, from {@link CommonProblem}
	 * @param detail this occurrence
	 * @return the problem
	 */
	public static ProblemDetail of(ProblemType type, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(type.status(), detail);
		problem.setType(type.type());
		problem.setTitle(type.title());
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
		problem.setInstance(instance(exchange.getRequest().getPath().value()));
		response.setStatusCode(HttpStatus.valueOf(problem.getStatus()));
		response.getHeaders().setContentType(MEDIA_TYPE);
		byte[] body = json(problem).getBytes(StandardCharsets.UTF_8);
		DataBuffer buffer = response.bufferFactory().wrap(body);
		return response.writeWith(Mono.just(buffer));
	}

	static String json(ProblemDetail problem) {
		return json.writeValueAsString(problem);
	}

	private static @Nullable URI instance(String path) {
		try {
			return URI.create(path);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
