package io.murmur.reliability.badinput;

import java.util.Optional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.murmur.reliability.http.RawResponse;

/**
 * What every answer to a bad request must be: never a 5xx, and every 4xx an RFC 9457
 * problem ({@code application/problem+json} with {@code type}, {@code title} and the
 * {@code status} of the response).
 */
public final class ProblemCheck {

	/** The fault of an answer with a 5xx status. */
	public static final String SERVER_ERROR = "5xx";

	private static final JsonMapper json = JsonMapper.builder().build();

	private ProblemCheck() {
	}

	/**
	 * What is wrong with a response, if anything.
	 * @param response the response
	 * @return the fault, or empty if the response is acceptable
	 */
	public static Optional<String> fault(RawResponse response) {
		if (response.status() >= 500) {
			return Optional.of(SERVER_ERROR);
		}
		if (response.status() < 400) {
			return Optional.empty();
		}
		String contentType = response.header("Content-Type");
		if (contentType == null || !contentType.startsWith("application/problem+json")) {
			return Optional.of("4xx without problem+json");
		}
		try {
			JsonNode problem = json.readTree(response.body());
			if (!problem.path("type").isString() || !problem.path("title").isString()
					|| problem.path("status").asInt() != response.status()) {
				return Optional.of("4xx problem without type, title or matching status");
			}
		}
		catch (RuntimeException ex) {
			return Optional.of("4xx problem that is not JSON");
		}
		return Optional.empty();
	}

}
