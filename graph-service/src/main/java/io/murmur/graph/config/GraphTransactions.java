package io.murmur.graph.config;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;

import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.data.neo4j.core.support.RetryExceptionPredicate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a unit of work in a Spring-managed Neo4j transaction, which every
 * {@link org.springframework.data.neo4j.core.Neo4jClient} call inside it joins, and runs
 * it again if it failed in a way that may pass: a deadlock, a cluster member going away,
 * the database restarting. That is what the driver's own managed transactions did, and
 * {@code Neo4jTransactionManager} does not; the work must therefore be safe to repeat and
 * begin outside any transaction. Anything else it throws (a problem, a missing node)
 * rolls the transaction back and reaches the caller unchanged.
 * <p>
 * Reads run in read-only transactions, which a Neo4j cluster routes to its readers.
 */
@Component
public final class GraphTransactions {

	/**
	 * Retries as the driver did by default, but within seconds rather than half a minute:
	 * a request waits for a transient failure to pass, not for an outage to end.
	 */
	private static final RetryPolicy RETRY = RetryPolicy.builder()
		.predicate(new RetryExceptionPredicate())
		.maxRetries(6)
		.delay(Duration.ofMillis(50))
		.jitter(Duration.ofMillis(25))
		.multiplier(2)
		.maxDelay(Duration.ofSeconds(1))
		.build();

	private final TransactionTemplate writes;

	private final TransactionTemplate reads;

	private final RetryTemplate retry = new RetryTemplate(RETRY);

	GraphTransactions(PlatformTransactionManager transactionManager) {
		this.writes = new TransactionTemplate(transactionManager);
		this.reads = new TransactionTemplate(transactionManager);
		this.reads.setReadOnly(true);
	}

	/**
	 * Runs work in a write transaction, again after a transient failure.
	 * @param <T> the result type
	 * @param work the work
	 * @return its result
	 */
	public <T> T write(Supplier<T> work) {
		return run(this.writes, work);
	}

	/**
	 * Runs work in a write transaction, again after a transient failure.
	 * @param work the work
	 */
	public void writeWithoutResult(Runnable work) {
		write(() -> {
			work.run();
			return Boolean.TRUE;
		});
	}

	/**
	 * Runs work in a read-only transaction, again after a transient failure.
	 * @param <T> the result type
	 * @param work the work
	 * @return its result
	 */
	public <T> T read(Supplier<T> work) {
		return run(this.reads, work);
	}

	private <T> T run(TransactionTemplate transaction, Supplier<T> work) {
		return this.retry.invoke(() -> Objects.requireNonNull(transaction.execute((status) -> work.get())));
	}

}
