package io.murmur.support.web;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Declares which exceptions of a store's client mean that the store cannot be reached, so
 * that a request failing with one of them (or with an exception caused by one) is
 * answered with a {@code service-unavailable} problem (503) instead of an internal error.
 * A service declares one bean per store, for example
 * {@code StoreUnavailableExceptions.of("Redis", RedisConnectionFailureException.class)}.
 *
 * @param store the store's name, for the log
 * @param types the exception types
 */
public record StoreUnavailableExceptions(String store, List<Class<? extends Throwable>> types) {

	public StoreUnavailableExceptions {
		types = List.copyOf(types);
	}

	/**
	 * Declares the exceptions of one store.
	 * @param store the store's name, for the log
	 * @param types the exception types
	 * @return the declaration
	 */
	@SafeVarargs
	public static StoreUnavailableExceptions of(String store, Class<? extends Throwable>... types) {
		return new StoreUnavailableExceptions(store, List.of(types));
	}

	/**
	 * Whether an exception, or one of its causes, is one of the types.
	 * @param ex the exception
	 * @return whether it means the store is unavailable
	 */
	boolean matches(Throwable ex) {
		for (Throwable candidate = ex; candidate != null; candidate = next(candidate)) {
			for (Class<? extends Throwable> type : this.types) {
				if (type.isInstance(candidate)) {
					return true;
				}
			}
		}
		return false;
	}

	private static @Nullable Throwable next(Throwable ex) {
		return (ex.getCause() != ex) ? ex.getCause() : null;
	}

}
