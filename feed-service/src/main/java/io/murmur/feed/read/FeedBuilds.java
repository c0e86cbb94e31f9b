package io.murmur.feed.read;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import io.murmur.feed.config.FeedProperties;
import io.murmur.support.problem.CommonProblem;
import io.murmur.support.web.ProblemException;

/**
 * Runs the builds of home feeds that reads find missing, each reader's at most once at a
 * time, and lets a read wait for one only so long.
 * <p>
 * A build reads the reader's followees from graph-service and their timelines from
 * post-service; for someone who follows hundreds, or while those services are still
 * warming up after a start, that can take longer than the gateway waits. A read that
 * waited its share answers 503 with {@code Retry-After} while the build goes on, so that
 * the retry (the gateway's, or the client's) finds the feed built instead of starting
 * over, and a slow build is never a timeout the gateway's circuit breaker counts against
 * every reader. Reads of the same reader in the meantime wait for the same build. Builds
 * run at most {@code concurrentBuilds} at a time, so that a Redis that lost every feed
 * does not send every returning reader's build to graph- and post-service at once.
 */
@Component
class FeedBuilds implements DisposableBean {

	static final Duration RETRY_AFTER = Duration.ofSeconds(1);

	private final FeedBuilder builder;

	private final Duration wait;

	private final Semaphore permits;

	private final ExecutorService executor = Executors
		.newThreadPerTaskExecutor(Thread.ofVirtual().name("feed-build-", 0).factory());

	private final Map<Long, CompletableFuture<Void>> running = new ConcurrentHashMap<>();

	private final Counter outwaited;

	FeedBuilds(FeedBuilder builder, FeedProperties properties, MeterRegistry meters) {
		this.builder = builder;
		this.wait = properties.read().buildWait();
		this.permits = new Semaphore(properties.read().concurrentBuilds());
		this.outwaited = Counter.builder("murmur.feed.read.building")
			.description("Feed reads answered 503 because the reader's feed was still being built")
			.register(meters);
	}

	/**
	 * Builds a reader's home feed, or joins the build under way, and waits for it.
	 * @param userId the reader
	 * @throws ProblemException 503 with {@code Retry-After} if the build is not done in
	 * time; it goes on
	 * @throws RuntimeException what the build failed with
	 */
	void await(long userId) {
		CompletableFuture<Void> build = this.running.get(userId);
		if (build == null) {
			CompletableFuture<Void> started = new CompletableFuture<>();
			build = this.running.putIfAbsent(userId, started);
			if (build == null) {
				build = started;
				try {
					this.executor.execute(() -> run(userId, started));
				}
				catch (RejectedExecutionException ex) {
					this.running.remove(userId, started);
					throw unavailable();
				}
			}
		}
		try {
			build.get(this.wait.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException ex) {
			this.outwaited.increment();
			throw ProblemException.retryLater(CommonProblem.SERVICE_UNAVAILABLE,
					"Your feed is being put together; try again in a moment", RETRY_AFTER);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException cause) {
				throw cause;
			}
			if (ex.getCause() instanceof InterruptedException) {
				throw unavailable();
			}
			throw new IllegalStateException("The build of a feed failed", ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw unavailable();
		}
	}

	private static ProblemException unavailable() {
		return ProblemException.retryLater(CommonProblem.SERVICE_UNAVAILABLE, "The feed cannot be read now",
				RETRY_AFTER);
	}

	private void run(long userId, CompletableFuture<Void> build) {
		@Nullable Throwable failure = null;
		try {
			this.permits.acquire();
			try {
				this.builder.buildFeed(userId);
			}
			finally {
				this.permits.release();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			failure = ex;
		}
		catch (RuntimeException | Error ex) {
			failure = ex;
		}
		finally {
			this.running.remove(userId, build);
		}
		if (failure == null) {
			build.complete(null);
		}
		else {
			build.completeExceptionally(failure);
		}
	}

	/**
	 * Stops the builds under way: a feed left half-built is still marked as being built,
	 * and the next read builds it again.
	 */
	@Override
	public void destroy() {
		this.executor.shutdownNow();
	}

}
