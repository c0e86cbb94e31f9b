package io.murmur.support.web;

import java.util.List;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;

/**
 * Declares which failures of a store's client mean that the store cannot be reached, so
 * that a request failing with one of them (or with an exception caused by one) is
 * answered with a {@code service-unavailable} problem (503) instead of an internal error.
 * A service declares one bean per store, for example
 * {@code StoreUnavailableExceptions.of("Redis", RedisConnectionFailureException.class)}.
 *
 * @param store the store's name, for the log
 * @param test whether one exception of a failure's chain means the store is out of reach
 */
public record StoreUnavailableExceptions(String store, Predicate<Throwable> test) {

	/**
	 * Declares the exception types of one store.
	 * @param store the store's name, for the log
	 * @param types the exception types
	 * @return the declaration
	 */
	@SafeVarargs
	public static StoreUnavailableExceptions of(String store, Class<? extends Throwable>... types) {
		List<Class<? extends Throwable>> declared = List.of(types);
		return new StoreUnavailableExceptions(store,
				(candidate) -> declared.stream().anyMatch((type) -> type.isInstance(candidate)));
	}

	/**
	 * The same declaration, and also the exceptions that pass a test: for a failure that
	 * only its details mark as the store's, such as a driver's error code.
	 * @param more the test, applied to each exception of the chain
	 * @return the wider declaration
	 */
	public StoreUnavailableExceptions or(Predicate<Throwable> more) {
		return new StoreUnavailableExceptions(this.store, this.test.or(more));
	}

	/**
	 * Whether an exception, or one of its causes, means the store is out of reach.
	 * @param ex the exception
	 * @return whether it means the store is unavailable
	 */
	boolean matches(Throwable ex) {
		for (Throwable candidate = ex; candidate != null; candidate = next(candidate)) {
			if (this.test.test(candidate)) {
				return true;
			}
		}
		return false;
	}

	private static @Nullable Throwable next(Throwable ex) {
		return (ex.getCause() != ex) ? ex.getCause() : null;
	}

}
