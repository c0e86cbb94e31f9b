package io.murmur.search.web;

/**
 * A cursor that this search did not hand out.
 */
class InvalidCursorException extends RuntimeException {

	InvalidCursorException(String message) {
		super(message);
	}

}
