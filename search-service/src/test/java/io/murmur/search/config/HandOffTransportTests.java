package io.murmur.search.config;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import co.elastic.clients.json.JsonpMapper;
import co.elastic.clients.transport.Endpoint;
import co.elastic.clients.transport.Transport;
import co.elastic.clients.transport.TransportOptions;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lock order of the bulk ingester against the HTTP client's, played with two plain
 * locks: the I/O thread delivers a failed answer while it holds the connection pool's
 * lock, and the answer's handler takes the ingester's lock, which a listener holds while
 * it waits for the pool.
 */
class HandOffTransportTests {

	private final CompletableFuture<Object> answer = new CompletableFuture<>();

	private final ReentrantLock pool = new ReentrantLock();

	private final ReentrantLock ingester = new ReentrantLock();

	@Test
	void shouldNotRunAnAnswersHandlerOnTheThreadThatDeliveredIt() throws Exception {
		try (HandOffTransport transport = new HandOffTransport(new Answering(this.answer))) {
			CompletableFuture<String> handled = transport.performRequestAsync(new Object(), null, null)
				.handle((response, failure) -> Thread.currentThread().getName());
			Thread io = Thread.ofPlatform().name("I/O dispatcher").start(() -> this.answer.complete("ok"));
			io.join(Duration.ofSeconds(10));
			assertThat(handled.get(10, TimeUnit.SECONDS)).startsWith("elasticsearch-answer-");
		}
	}

	@Test
	void shouldLetTheIoThreadGoWhileAListenerHoldsTheIngesterAndWaitsForThePool() throws Exception {
		try (HandOffTransport transport = new HandOffTransport(new Answering(this.answer))) {
			CompletableFuture<Void> signalled = transport.performRequestAsync(new Object(), null, null)
				.handle((response, failure) -> {
					this.ingester.lock();
					this.ingester.unlock();
					return null;
				});
			CountDownLatch ioHoldsPool = new CountDownLatch(1);
			this.ingester.lock();
			try {
				Thread io = Thread.ofPlatform().name("I/O dispatcher").start(() -> {
					this.pool.lock();
					try {
						ioHoldsPool.countDown();
						this.answer.completeExceptionally(new IOException("Connection refused"));
					}
					finally {
						this.pool.unlock();
					}
				});
				assertThat(ioHoldsPool.await(10, TimeUnit.SECONDS)).isTrue();
				assertThat(this.pool.tryLock(10, TimeUnit.SECONDS)).as("the listener gets a connection").isTrue();
				this.pool.unlock();
				assertThat(io.join(Duration.ofSeconds(10))).as("the I/O thread goes on").isTrue();
			}
			finally {
				this.ingester.unlock();
			}
			signalled.get(10, TimeUnit.SECONDS);
		}
	}

	/**
	 * A transport whose every asynchronous request gets the same answer.
	 */
	private record Answering(CompletableFuture<Object> answer) implements Transport {

		@Override
		public <RequestT, ResponseT, ErrorT> ResponseT performRequest(RequestT request,
				Endpoint<RequestT, ResponseT, ErrorT> endpoint, @Nullable TransportOptions options) {
			throw new UnsupportedOperationException();
		}

		@Override
		@SuppressWarnings("unchecked")
		public <RequestT, ResponseT, ErrorT> CompletableFuture<ResponseT> performRequestAsync(RequestT request,
				Endpoint<RequestT, ResponseT, ErrorT> endpoint, @Nullable TransportOptions options) {
			return (CompletableFuture<ResponseT>) this.answer;
		}

		@Override
		public JsonpMapper jsonpMapper() {
			throw new UnsupportedOperationException();
		}

		@Override
		public TransportOptions options() {
			throw new UnsupportedOperationException();
		}

		@Override
		public void close() {
		}

	}

}
