package io.murmur.reliability.faults;

/**
 * One request of the workload, as the client saw it.
 *
 * @param route what was asked, e.g. {@code post} or {@code feed}
 * @param startedAt when it was sent, in milliseconds since the workload's epoch
 * @param millis how long the answer took
 * @param status the HTTP status, or {@link #NO_ANSWER} when the connection failed or the
 * client gave up
 * @param problem whether the answer was {@code application/problem+json}
 */
public record Call(String route, long startedAt, long millis, int status, boolean problem) {

	/** The status of a call that got no HTTP answer at all. */
	public static final int NO_ANSWER = 0;

	/**
	 * Whether the platform did what was asked.
	 * @return {@code true} for a 2xx answer
	 */
	public boolean succeeded() {
		return this.status >= 200 && this.status < 300;
	}

	/**
	 * Whether the answer is an error a client can act on: a problem document for every
	 * 4xx and 5xx.
	 * @return {@code false} for an error without a problem body, or no answer at all
	 */
	public boolean wellFormed() {
		return succeeded() || (this.status >= 300 && this.status < 400) || (this.status >= 400 && this.problem);
	}

}
