package io.murmur.search.config;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import co.elastic.clients.json.JsonpMapper;
import co.elastic.clients.transport.ElasticsearchTransport;
import co.elastic.clients.transport.Endpoint;
import co.elastic.clients.transport.Transport;
import co.elastic.clients.transport.TransportOptions;
import org.jspecify.annotations.Nullable;

/**
 * A transport whose asynchronous answers complete on threads of its own rather than on
 * the HTTP client's I/O thread that received them.
 * <p>
 * The bulk ingester's completion takes the ingester's lock, and when a connection to
 * Elasticsearch fails the I/O thread delivers that failure while it holds the connection
 * pool's lock; a listener thread adding to the ingester holds the ingester's lock and
 * waits for a connection. Completed on the I/O thread, the two wait for each other for
 * good, and every search waiting for a connection with them: search stayed down after
 * Elasticsearch came back until the service was restarted. Handed off, the I/O thread
 * holds no lock the completion needs.
 */
final class HandOffTransport implements ElasticsearchTransport {

	private final Transport delegate;

	private final ExecutorService answers = Executors.newFixedThreadPool(2,
			Thread.ofPlatform().name("elasticsearch-answer-", 0).daemon().factory());

	HandOffTransport(Transport delegate) {
		this.delegate = delegate;
	}

	@Override
	public <RequestT, ResponseT, ErrorT> ResponseT performRequest(RequestT request,
			Endpoint<RequestT, ResponseT, ErrorT> endpoint, @Nullable TransportOptions options) throws IOException {
		return this.delegate.performRequest(request, endpoint, options);
	}

	@Override
	public <RequestT, ResponseT, ErrorT> CompletableFuture<ResponseT> performRequestAsync(RequestT request,
			Endpoint<RequestT, ResponseT, ErrorT> endpoint, @Nullable TransportOptions options) {
		return this.delegate.performRequestAsync(request, endpoint, options).whenCompleteAsync((response, failure) -> {
		}, this.answers);
	}

	@Override
	public JsonpMapper jsonpMapper() {
		return this.delegate.jsonpMapper();
	}

	@Override
	public TransportOptions options() {
		return this.delegate.options();
	}

	@Override
	public void close() throws IOException {
		this.answers.shutdown();
		this.delegate.close();
	}

}
