package io.murmur.search.query;

/**
 * A query that does not parse, with where and why.
 */
public class QuerySyntaxException extends RuntimeException {

	private final int position;

	private final String reason;

	QuerySyntaxException(int position, String reason) {
		super("Position " + position + ": " + reason);
		this.position = position;
		this.reason = reason;
	}

	/**
	 * Where the query went wrong.
	 * @return the position, counting characters from 1
	 */
	public int position() {
		return this.position;
	}

	/**
	 * What is wrong there.
	 * @return the reason, for people
	 */
	public String reason() {
		return this.reason;
	}

}
