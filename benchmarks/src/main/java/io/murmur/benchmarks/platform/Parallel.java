package io.murmur.benchmarks.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Runs a run's setup calls a few at a time and waits for all of them: the first failure
 * fails the whole step, with its own message.
 */
public final class Parallel {

	private Parallel() {
	}

	/**
	 * Applies a call to every item on a few threads.
	 * @param <T> the item type
	 * @param <R> the result type
	 * @param items the items
	 * @param threads how many at once
	 * @param call what to do with each
	 * @return the results, in the order of the items
	 */
	public static <T, R> List<R> map(List<T> items, int threads, Function<T, R> call) {
		try (ExecutorService executor = Executors.newFixedThreadPool(threads)) {
			List<Future<R>> futures = new ArrayList<>();
			for (T item : items) {
				futures.add(executor.submit(() -> call.apply(item)));
			}
			List<R> results = new ArrayList<>();
			for (Future<R> future : futures) {
				results.add(future.get());
			}
			return results;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted", ex);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException(ex.getCause().getMessage(), ex.getCause());
		}
	}

}
