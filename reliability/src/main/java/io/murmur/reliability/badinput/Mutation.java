package io.murmur.reliability.badinput;

/**
 * The kinds of bad input the generator makes, each from one operation.
 */
public enum Mutation {

	/** An id in the path that is not one: encoded NUL, traversal, overflow, text. */
	HOSTILE_PATH_ID,

	/** A bad value for a query parameter, or for {@code limit} and {@code cursor}. */
	BAD_QUERY_VALUE,

	/** A parameter no route knows, with a malformed or invalid UTF-8 value. */
	UNKNOWN_QUERY_PARAMETER,

	/** A body field of the wrong JSON type. */
	WRONG_TYPE,

	/** A body without a required field, or with it null. */
	MISSING_FIELD,

	/** A body field with a huge string, number or array. */
	HUGE_VALUE,

	/** A body field with a Unicode edge case, or bytes that are not UTF-8. */
	UNICODE_EDGE,

	/** A body that is not well-formed JSON, or JSON of the wrong shape. */
	MALFORMED_JSON,

	/** A JSON object that names a key twice. */
	DUPLICATE_KEYS,

	/** A body over every limit. */
	OVERSIZED_BODY,

	/** A body sent with a content type the operation does not take. */
	WRONG_CONTENT_TYPE,

	/** A multipart body that is broken or carries the wrong parts. */
	MULTIPART_ODDITY,

	/** A method the path does not take. */
	WRONG_METHOD

}
