package io.murmur.gateway.web;

import java.nio.charset.StandardCharsets;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.FullHttpResponse;
import reactor.core.publisher.Mono;
import reactor.netty.Connection;
import reactor.netty.NettyPipeline;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerResponse;

import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

import io.murmur.support.problem.CommonProblem;

/**
 * Gives a problem body to an error that would leave the server without one: Spring
 * answers a request whose target is not a valid URI ({@code ?limit=%zz}) with a bare 400
 * before any filter runs, and Netty one it cannot decode before Spring sees it.
 */
@Component
class UnparsableRequestCustomizer implements NettyServerCustomizer {

	@Override
	public HttpServer apply(HttpServer server) {
		return server.mapHandle((handled, connection) -> handled.then(Mono.defer(() -> withBody(connection))))
			.doOnChannelInit((observer, channel, address) -> {
				if (channel.pipeline().get(NettyPipeline.HttpCodec) != null) {
					channel.pipeline()
						.addAfter(NettyPipeline.HttpCodec, "murmur.decodingFailureBody", DecodingFailureBody.INSTANCE);
				}
			});
	}

	/**
	 * Netty refuses a request it cannot decode (a malformed header, a header block too
	 * large) with an empty response and closes the connection, before any handler of the
	 * application sees the request; this puts a problem into that response on its way
	 * out.
	 */
	@Sharable
	static final class DecodingFailureBody extends ChannelOutboundHandlerAdapter {

		static final DecodingFailureBody INSTANCE = new DecodingFailureBody();

		@Override
		public void write(ChannelHandlerContext context, Object message, ChannelPromise promise) {
			if (message instanceof FullHttpResponse response && response.status().code() >= 400
					&& !response.content().isReadable() && !response.headers().contains(HttpHeaders.CONTENT_TYPE)
					&& response.headers().containsValue(HttpHeaders.CONNECTION, "close", true)) {
				int status = response.status().code();
				ProblemDetail problem = Problems.of(CommonProblem.forStatus(status), "The request was not accepted.");
				problem.setStatus(status);
				byte[] body = Problems.json(problem).getBytes(StandardCharsets.UTF_8);
				FullHttpResponse withBody = response.replace(Unpooled.wrappedBuffer(body));
				withBody.headers()
					.set(HttpHeaders.CONTENT_TYPE, Problems.MEDIA_TYPE.toString())
					.set(HttpHeaders.CONTENT_LENGTH, body.length)
					.set(SecurityHeadersFilter.CONTENT_TYPE_OPTIONS, "nosniff");
				response.release();
				context.write(withBody, promise);
				return;
			}
			context.write(message, promise);
		}

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
