package io.murmur.notification.web;

import org.springframework.http.HttpStatus;

import io.murmur.support.problem.ProblemType;

/**
 * The problem types of notification-service beyond the common ones.
 */
public final class NotificationProblem {

	/** The user has no webhook. */
	public static final ProblemType WEBHOOK_NOT_FOUND = ProblemType.of("webhook-not-found", "Webhook not found",
			HttpStatus.NOT_FOUND);

	private NotificationProblem() {
	}

}
