package io.murmur.notification.web;

import org.springframework.http.HttpStatus;

import io.murmur.support.problem.ProblemType;

/**
 * The problem types of notification-service beyond the common ones.
 */
public final class NotificationProblem {

	/** The user has no webhook to remove. */
	public static final ProblemType WEBHOOK_NOT_FOUND = ProblemType.of("webhook-not-found", "Webhook not found",
			HttpStatus.NOT_FOUND);

	/**
	 * A webhook URL is refused: not http(s), not resolvable, or pointing at a private
	 * address.
	 */
	public static final ProblemType WEBHOOK_URL_REFUSED = ProblemType.of("webhook-url-refused", "Webhook URL refused",
			HttpStatus.BAD_REQUEST);

	private NotificationProblem() {
	}

}
