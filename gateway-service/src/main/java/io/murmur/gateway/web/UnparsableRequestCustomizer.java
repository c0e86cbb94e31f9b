package io.murmur.gateway.web;

import java.nio.charset.StandardCharsets;

import reactor.core.publisher.Mono;
import reactor.netty.Connection;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerResponse;

import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

import io.murmur.support.problem.CommonProblem;

/**
 * Gives a problem body to an error that left the server without one. Spring answers a
 * request whose target is not a valid URI ({@code ?limit=%zz}) with a bare 400 before any
 * filter runs; this is the only place that sees such a response before it is sent.
 */
@Component
class UnparsableRequestCustomizer implements NettyServerCustomizer {

	@Override
	public HttpServer apply(HttpServer server) {
		return server.mapHandle((handled, connection) -> handled.then(Mono.defer(() -> withBody(connection))));
	}

	private static Mono<Void> withBody(Connection connection) {
		if (!(connection instanceof HttpServerResponse response) || response.hasSentHeaders()
				|| response.status().code() < 400) {
			return Mono.empty();
		}
		int status = response.status().code();
		ProblemDetail problem = Problems.of(CommonProblem.forStatus(status), "The request was not accepted.");
		problem.setStatus(status);
		byte[] body = Problems.json(problem).getBytes(StandardCharsets.UTF_8);
		return response.header(HttpHeaders.CONTENT_TYPE, Problems.MEDIA_TYPE.toString())
			.header(SecurityHeadersFilter.CONTENT_TYPE_OPTIONS, "nosniff")
			.sendByteArray(Mono.just(body))
			.then();
	}

}
